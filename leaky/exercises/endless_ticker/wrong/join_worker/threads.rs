//! Wrong fix for the endless-ticker exercise, thread flavour: the worker joined before the call returns.
//!
//! Breaks: a call returns by its deadline.
//!
//! Joining the worker makes sure it cannot outlive the call. But nothing tells the
//! worker to stop: it ends only when a check passes, so when the service is slow or
//! never comes up the join waits past the call's deadline, for ever.
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
        let worker = thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                // LEAK: the only way out of this loop is a check that passes. If
                // it never does, the worker ticks forever.
                for _ in ticks {
                    if probe.check() {
                        let _ = ready_tx.send(true);
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        let answer = select! {
            recv(ready_rx) -> _ => Ok(()),
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        };
        // WRONG FIX: the worker is joined, so that it cannot outlive the call.
        let _ = worker.join();
        answer
    }
}
