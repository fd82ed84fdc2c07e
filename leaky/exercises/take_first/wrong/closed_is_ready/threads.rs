//! Wrong fix for the take-first exercise, thread flavour:
//! a channel per call with a slot per replica, and replicas whose checks give up
//! at the call's deadline, and which stop there or once one of them has answered;
//! the caller's `select!` is kept.
//!
//! Breaks: a call is answered ready once its own check passes.
//!
//! No send waits and every replica ends with its call; but the caller still reads
//! `recv(ready_rx) -> _` as "ready", and a receive on a channel whose senders are
//! all gone is ready too, with an `Err`. The replicas give up at the deadline, a
//! moment before the caller's timer fires: whichever comes first wins, and a call
//! whose service never came up may be told it is ready.
//!
//! Take first, thread flavour: `std::thread` and crossbeam channels.
//!
//! The workers tick with `tick`, and the caller races the first answer against
//! `after` in a `select!`, just as the Go code does.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

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
        // WRONG FIX: the replicas know the call's deadline.
        let deadline = Instant::now() + timeout;
        // WRONG FIX: a channel for this call only, with a slot per replica.
        let (ready_tx, ready_rx) = bounded(REPLICAS);
        // The first answer stands the other replicas down.
        let answered = Arc::new(AtomicBool::new(false));
        for _ in 0..REPLICAS {
            let (probe, ticks) = (self.probe.clone(), tick(self.tick));
            let (ready_tx, answered) = (ready_tx.clone(), Arc::clone(&answered));
            thread::Builder::new()
                .name(WORKER.to_owned())
                .spawn(move || {
                    for _ in ticks {
                        if answered.load(Ordering::Acquire) {
                            return;
                        }
                        // WRONG FIX: each check gives up at the deadline, and so
                        // does the replica: nobody waits after it.
                        match probe.check_until(deadline) {
                            Some(true) => {
                                answered.store(true, Ordering::Release);
                                let _ = ready_tx.send(true);
                                return;
                            }
                            Some(false) => {}
                            None => return,
                        }
                    }
                })
                .unwrap_or_else(|e| {
                    panic!("the OS refused to start a thread: {e}")
                });
        }
        // The replicas hold the only senders now: once every one of them has
        // ended, the channel closes.
        drop(ready_tx);
        select! {
            recv(ready_rx) -> _ => Ok(()),
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }
}
