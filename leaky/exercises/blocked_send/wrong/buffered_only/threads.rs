//! Wrong fix for the blocked-send exercise, thread flavour: a channel per call, with a slot for the answer.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! The shared channel was the leak, and a channel per call with one slot means a
//! late answer always lands: no worker is ever stuck on its send. But the worker
//! still has one way out of its loop, a check that passes. When the service never
//! comes up, it ticks on after its call has gone, for as long as the process lives.
//!
//! Blocked send, thread flavour: `std::thread` and crossbeam channels.
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
        let probe = self.probe.clone();
        let ticks = tick(self.tick);
        // WRONG FIX: a channel for this call only, with a slot for the one answer.
        let (ready_tx, ready_rx) = bounded(1);
        // Dropping a `JoinHandle` detaches the thread; it does not stop it.
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in ticks {
                    if probe.check() {
                        // LEAK: nobody receives after a timeout, and the watcher
                        // keeps the receiver alive: this send waits forever.
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
