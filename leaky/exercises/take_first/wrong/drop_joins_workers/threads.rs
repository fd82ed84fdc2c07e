//! Wrong fix for the take-first exercise, thread flavour:
//! a channel per call with a slot per replica, and every replica's `JoinHandle`
//! kept in the watcher, whose `Drop` joins them all, so that no replica is ever
//! detached.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! No send waits, and no handle is dropped; but a replica still stops only when
//! its own check passes. The replicas of a call that was answered, or that timed
//! out while the service never came up, tick on long after it; and the watcher's
//! `Drop` waits for them, for ever if the service never comes up: dropping the
//! watcher hangs its owner.
//!
//! Take first, thread flavour: `std::thread` and crossbeam channels.
//!
//! The workers tick with `tick`, and the caller races the first answer against
//! `after` in a `select!`, just as the Go code does.

use std::sync::{Mutex, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use crossbeam_channel::{after, bounded, select, tick};
use workshop::{Probe, TimedOut};

use super::{REPLICAS, WORKER};

/// Waits for a service to become ready, asking every replica at once.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // WRONG FIX: every replica we started, so that none is detached.
    replicas: Mutex<Vec<JoinHandle<()>>>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, replicas: Mutex::new(Vec::new()) }
    }

    /// Waits until the first replica's probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        // WRONG FIX: a channel for this call only, with a slot per replica.
        let (ready_tx, ready_rx) = bounded(REPLICAS);
        let mut replicas =
            self.replicas.lock().unwrap_or_else(PoisonError::into_inner);
        for _ in 0..REPLICAS {
            let (probe, ticks) = (self.probe.clone(), tick(self.tick));
            let ready_tx = ready_tx.clone();
            let replica = thread::Builder::new()
                .name(WORKER.to_owned())
                .spawn(move || {
                    for _ in ticks {
                        if probe.check() {
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
        drop(replicas);
        select! {
            recv(ready_rx) -> _ => Ok(()),
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }
}

// WRONG FIX: nothing outlives the watcher: its replicas are joined.
impl Drop for Watcher {
    fn drop(&mut self) {
        let replicas =
            self.replicas.get_mut().unwrap_or_else(PoisonError::into_inner);
        for replica in replicas.drain(..) {
            let _ = replica.join();
        }
    }
}
