//! Wrong fix for the take-first exercise, thread flavour: every replica joined before the call returns.
//!
//! Breaks: a call returns by its deadline.
//!
//! Joining every replica makes sure none outlives the call. But a replica ends only
//! once its check passes and its answer is taken, and after the first answer nobody
//! takes the others: the joins wait past the call's deadline, for ever.
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
        Self { probe, tick, ready: bounded(0) }
    }

    /// Waits until the first replica's probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let (ready_tx, ready_rx) = self.ready.clone();
        let mut replicas = Vec::new();
        for _ in 0..REPLICAS {
            let (probe, ticks) = (self.probe.clone(), tick(self.tick));
            let ready_tx = ready_tx.clone();
            let replica = thread::Builder::new()
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
            replicas.push(replica);
        }
        let answer = select! {
            recv(ready_rx) -> _ => Ok(()),
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        };
        // WRONG FIX: every replica is joined, so that none outlives the call.
        for replica in replicas {
            let _ = replica.join();
        }
        answer
    }
}
