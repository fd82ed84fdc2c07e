//! Wrong fix for the stale-answer exercise, thread flavour: a channel per call, unbounded.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! A channel per call means an answer can only reach the call that asked, and an
//! unbounded one means a late answer never waits: nothing is stale, nothing is
//! stuck. But the worker still has one way out of its loop, a check that passes:
//! when the service never comes up, it ticks on after its call has gone, for ever.
//!
//! Stale answer, thread flavour: `std::thread` and crossbeam channels.
//!
//! The worker ticks with `tick`, and the caller races the worker's answer against
//! `after` in a `select!`, just as the Go code does.

use std::thread;
use std::time::Duration;

use crossbeam_channel::{after, select, tick, unbounded};
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
        // WRONG FIX: a channel for this call only.
        let (ready_tx, ready_rx) = unbounded();
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in ticks {
                    if probe.check() {
                        let _ = ready_tx.send(true);
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        // WRONG: the first answer in the channel is taken, whichever call it was
        // meant for.
        select! {
            recv(ready_rx) -> _ => Ok(()),
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }
}
