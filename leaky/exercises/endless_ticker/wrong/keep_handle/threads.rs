//! Wrong fix for the endless-ticker exercise, thread flavour: the worker's `JoinHandle` kept until the call returns.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! The handle is now kept in a local for the whole call, as if holding it held the
//! worker to the call's lifetime. But a `JoinHandle` is not the thread: when the
//! call returns the handle is dropped, which detaches the worker, and it ticks on
//! for ever when the service never comes up.
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
        // WRONG FIX: the handle is kept, so the worker lives as long as the call.
        let _worker = thread::Builder::new()
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
        select! {
            recv(ready_rx) -> _ => Ok(()),
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }
}
