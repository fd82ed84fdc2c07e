//! Wrong fix for the take-first exercise, thread flavour: the other answers drained after the first.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! After the first answer, the answers of the other replicas are taken too, so that
//! their sends do not wait. But a drain takes only the answers already on offer: a
//! replica still checking sends after it and is stuck, and a replica of a service
//! that never comes up never sends at all, and ticks on forever.
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
            recv(ready_rx) -> _ => {
                // WRONG FIX: the other replicas' answers are taken too.
                while ready_rx.try_recv().is_ok() {}
                Ok(())
            }
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }
}
