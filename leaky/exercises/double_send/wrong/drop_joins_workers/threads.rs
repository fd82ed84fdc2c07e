//! Wrong fix for the double-send exercise, thread flavour:
//! a channel per call with room for both reports, read until one says ready, and
//! every worker's `JoinHandle` kept in the watcher, whose `Drop` joins them all.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! Neither send waits, and no worker is detached; but a worker still stops only
//! when its check passes. The worker of a call that timed out while the service
//! never came up ticks on after it, one more with every such call; and the
//! watcher's `Drop` waits for them, for ever: dropping the watcher hangs its owner.
//!
//! Double send, thread flavour: `std::thread` and crossbeam channels.
//!
//! The worker ticks with `tick`, and the caller races a report against `after` in a
//! `select!`, just as the Go code does.

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
        // WRONG FIX: a channel for this call only, with room for both reports.
        let (report_tx, report_rx) = bounded(2);
        let worker = thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                // The first report: started, not ready yet.
                let _ = report_tx.send(false);
                for _ in ticks {
                    if probe.check() {
                        let _ = report_tx.send(true);
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        // WRONG FIX: kept, not detached: the watcher's drop joins it.
        self.workers.lock().unwrap_or_else(PoisonError::into_inner).push(worker);
        // WRONG FIX: reports are read until one says ready.
        let give_up = after(timeout);
        loop {
            select! {
                recv(report_rx) -> report => match report {
                    Ok(true) => return Ok(()),
                    Ok(false) => {}
                    Err(_) => return Err(TimedOut(timeout)),
                },
                recv(give_up) -> _ => return Err(TimedOut(timeout)),
            }
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
