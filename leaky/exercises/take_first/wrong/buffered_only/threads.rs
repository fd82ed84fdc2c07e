//! Wrong fix for the take-first exercise, thread flavour: a channel per call, with a slot per replica.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! A channel per call with a slot for every replica means each answer lands, read
//! or not, and no answer is left for another call. But a replica still has one way
//! out of its loop, a check that passes: when the service never comes up, every
//! replica of every call ticks on after its call has gone.
//!
//! Take first, thread flavour: `std::thread` and crossbeam channels.
//!
//! The workers tick with `tick`, and the caller races the first answer against
//! `after` in a `select!`, just as the Go code does.

use std::thread;
use std::time::Duration;

use crossbeam_channel::{after, bounded, select, tick};
use workshop::{Probe, TimedOut};

use super::{REPLICAS, WORKER};

/// Waits for a service to become ready, asking every replica at once.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick }
    }

    /// Waits until the first replica's probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        // WRONG FIX: a channel for this call only, with a slot for every replica.
        let (ready_tx, ready_rx) = bounded(REPLICAS);
        for _ in 0..REPLICAS {
            let (probe, ticks) = (self.probe.clone(), tick(self.tick));
            let ready_tx = ready_tx.clone();
            thread::Builder::new()
                .name(WORKER.to_owned())
                .spawn(move || {
                    for _ in ticks {
                        if probe.check() {
                            // LEAK: one answer is read; every other send waits for
                            // a receiver forever.
                            let _ = ready_tx.send(true);
                            return;
                        }
                    }
                })
                .unwrap_or_else(|e| {
                    panic!("the OS refused to start a thread: {e}")
                });
        }
        select! {
            recv(ready_rx) -> _ => Ok(()),
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }
}
