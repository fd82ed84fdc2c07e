//! Wrong fix for the stale-answer exercise, thread flavour:
//! a channel per call with room for its answer, and every worker's `JoinHandle`
//! kept in the watcher, whose `Drop` joins them all, so that no worker is ever
//! detached.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! A late answer lands where no later call looks, and no handle is dropped; but a
//! worker still stops only when its check passes. The worker of a call that timed
//! out while the service never came up ticks on after it, one more with every such
//! call; and the watcher's `Drop` waits for them, for ever: dropping the watcher
//! hangs its owner.
//!
//! Stale answer, thread flavour: `std::thread` and crossbeam channels.
//!
//! The worker ticks with `tick`, and the caller races the worker's answer against
//! `after` in a `select!`, just as the Go code does.

use std::sync::{Mutex, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use crossbeam_channel::{after, bounded, select, tick};
use workshop::{Probe, TimedOut};

use super::WORKER;

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // WRONG FIX: every worker we started, so that none is detached.
    workers: Mutex<Vec<JoinHandle<()>>>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, workers: Mutex::new(Vec::new()) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        // WRONG FIX: a channel for this call, with room for its one answer: a late
        // answer lands where no later call will ever look.
        let (ready_tx, ready_rx) = bounded(1);
        let worker = thread::Builder::new()
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
        // WRONG FIX: kept, not detached: the watcher's drop joins it.
        self.workers.lock().unwrap_or_else(PoisonError::into_inner).push(worker);
        select! {
            recv(ready_rx) -> answer => {
                answer.map(drop).map_err(|_| TimedOut(timeout))
            }
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }
}

// WRONG FIX: nothing outlives the watcher: its workers are joined.
impl Drop for Watcher {
    fn drop(&mut self) {
        let workers =
            self.workers.get_mut().unwrap_or_else(PoisonError::into_inner);
        for worker in workers.drain(..) {
            let _ = worker.join();
        }
    }
}
