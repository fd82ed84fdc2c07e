//! Wrong fix for the endless-ticker exercise, thread flavour: the worker gives up after one check.
//!
//! Breaks: a call is answered ready once its own check passes.
//!
//! A worker that checks once and ends, whatever the answer, can never tick forever,
//! and a closed channel tells the caller it gave up. But a service that is not up
//! at the first check may be up at the next: the call then says not ready, though a
//! check of its own would have passed long before its deadline.
//!
//! Endless ticker, thread flavour: `std::thread` and crossbeam channels.
//!
//! The worker ticks with `tick`, and the caller races the worker's answer against
//! `after` in a `select!`, just as the Go code does.

use std::thread;
use std::time::Duration;

use crossbeam_channel::{after, bounded, select, tick};
use workshop::{Probe, TimedOut};

use super::WORKER;

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        // A channel for this call, with room for the one answer.
        let (ready_tx, ready_rx) = bounded(1);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                // WRONG FIX: one check, then the worker ends, pass or fail.
                if ticks.recv().is_ok() && probe.check() {
                    let _ = ready_tx.send(true);
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        select! {
            // A closed channel is a worker that gave up, not an answer.
            recv(ready_rx) -> answer => {
                answer.map(drop).map_err(|_| TimedOut(timeout))
            }
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }
}
