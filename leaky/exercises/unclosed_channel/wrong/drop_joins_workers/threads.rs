//! Wrong fix for the unclosed-channel exercise, thread flavour:
//! every worker's `JoinHandle` kept in the watcher, whose `Drop` joins them all, so
//! that no worker is ever detached.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! No handle is dropped any more; but keeping a handle closes no channel: each
//! worker still holds a sender to its own queue, so its loop never ends, the
//! workers pile up with the calls, and the watcher's `Drop` waits for them for
//! ever: dropping the watcher hangs its owner.
//!
//! Unclosed channel, thread flavour: `std::thread` and crossbeam channels.
//!
//! The caller ticks with `tick` and races the worker's answer against `after` in a
//! `select!`; the worker serves one check per request.

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
        let probe = self.probe.clone();
        // Requests to check, one a tick, and the answer, for this call.
        let (check_tx, check_rx) = bounded::<()>(1);
        let (ready_tx, ready_rx) = bounded(1);
        let retry = check_tx.clone();
        let worker = thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                // Serves requests until every sender is gone.
                for () in &check_rx {
                    let ready = probe.check();
                    // Requests that came during the check are answered by it.
                    while check_rx.try_recv().is_ok() {}
                    if ready {
                        let _ = ready_tx.try_send(true);
                    } else {
                        // Not yet: check again, without waiting for a request.
                        let _ = retry.try_send(());
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        // WRONG FIX: kept, not detached: the watcher's drop joins it.
        self.workers.lock().unwrap_or_else(PoisonError::into_inner).push(worker);
        let (ticks, give_up) = (tick(self.tick), after(timeout));
        loop {
            select! {
                recv(ticks) -> _ => { let _ = check_tx.try_send(()); }
                recv(ready_rx) -> answer => {
                    // `Err` means the worker is gone without an answer.
                    return answer.map(drop).map_err(|_| TimedOut(timeout));
                }
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
