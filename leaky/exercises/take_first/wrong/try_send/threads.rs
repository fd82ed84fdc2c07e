//! Wrong fix for the take-first exercise, thread flavour: each replica's `send` made a `try_send`.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! A replica whose answer nobody is waiting for drops it and ends, so the answered
//! call no longer leaves two replicas stuck. But the channel is still the
//! watcher's: the replicas of a call that has given up deliver to whichever later
//! call is waiting, and it says ready on their word. (Replicas of a service that
//! never comes up still tick forever.)
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
        for _ in 0..REPLICAS {
            let (probe, ticks) = (self.probe.clone(), tick(self.tick));
            let ready_tx = ready_tx.clone();
            thread::Builder::new()
                .name(WORKER.to_owned())
                .spawn(move || {
                    for _ in ticks {
                        if probe.check() {
                            // WRONG FIX: a send that never waits: an answer
                            // nobody receives is dropped.
                            let _ = ready_tx.try_send(true);
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
