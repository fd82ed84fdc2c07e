//! Wrong fix for the take-first exercise, thread flavour: the watcher's channel given a slot per replica.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! With a slot for each replica's answer, the two answers the call does not read no
//! longer block their workers. But they stay in the channel every call shares, and
//! the next call takes one at once: "ready", on the word of checks made for an
//! earlier call. (And the replicas of a service that never comes up still tick
//! forever.)
//!
//! Take first, thread flavour: `std::thread` and crossbeam channels.
//!
//! The workers tick with `tick`, and the caller races the first answer against
//! `after` in a `select!`, just as the Go code does.

use std::thread;
use std::time::Duration;

use crossbeam_channel::{Receiver, Sender, after, bounded, select, tick};
use workshop::{Probe, TimedOut};

use super::{REPLICAS, WORKER};

/// Waits for a service to become ready, asking every replica at once.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // LEAK: one channel for every call, kept by the watcher: its receiving end
    // outlives each call, answered or not.
    ready: (Sender<bool>, Receiver<bool>),
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        // WRONG FIX: a slot for every replica's answer, so that no send waits.
        Self { probe, tick, ready: bounded(REPLICAS) }
    }

    /// Waits until the first replica's probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let (ready_tx, ready_rx) = self.ready.clone();
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
