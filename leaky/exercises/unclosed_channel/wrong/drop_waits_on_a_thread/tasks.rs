//! Wrong fix for the unclosed-channel exercise, task flavour:
//! every worker's `JoinHandle` kept in the watcher, and a `Drop` that waits for
//! them on a thread of its own, with a runtime of its own, since a `Drop` cannot
//! `.await`.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! No handle is dropped, and no runtime is blocked on from inside itself; but
//! keeping a handle closes no channel: each worker still holds a sender to its own
//! queue, so its loop never ends and the workers pile up with the calls. And the
//! `Drop` waits for them with the runtime's own thread blocked on the join: the
//! workers cannot run to their end, and dropping the watcher hangs its owner.
//!
//! Unclosed channel, task flavour: tokio tasks and `async-channel` channels.
//!
//! The caller ticks with tokio's `interval` and races the worker's answer against a
//! deadline in `select!`; the worker serves one check per request.

use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use async_channel::bounded;
use checker::traced;
use tokio::task::JoinHandle;
use tokio::time::{Instant, interval_at, sleep};
use workshop::{Probe, TimedOut};

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
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let probe = self.probe.clone();
        // Requests to check, one a tick, and the answer, for this call.
        let (check_tx, check_rx) = bounded::<()>(1);
        let (ready_tx, ready_rx) = bounded(1);
        let retry = check_tx.clone();
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        let worker = tokio::spawn(traced(async move {
            // Serves requests until every sender is gone.
            while let Ok(()) = check_rx.recv().await {
                let ready = probe.check_async().await;
                // Requests that came during the check are answered by it.
                while check_rx.try_recv().is_ok() {}
                if ready {
                    let _ = ready_tx.try_send(true);
                } else {
                    // Not yet: check again, without waiting for a request.
                    let _ = retry.try_send(());
                }
            }
        }));
        // WRONG FIX: kept, not detached: the watcher's drop waits for it.
        self.workers.lock().unwrap_or_else(PoisonError::into_inner).push(worker);
        let mut ticks = interval_at(Instant::now() + self.tick, self.tick);
        let give_up = sleep(timeout_after);
        tokio::pin!(give_up);
        loop {
            tokio::select! {
                _ = ticks.tick() => { let _ = check_tx.try_send(()); }
                Ok(_) = ready_rx.recv() => return Ok(()),
                () = &mut give_up => return Err(TimedOut(timeout_after)),
            }
        }
    }
}

// WRONG FIX: nothing outlives the watcher: it waits for its workers to end, on a
// thread of its own, where blocking is allowed.
impl Drop for Watcher {
    fn drop(&mut self) {
        let workers: Vec<_> = self
            .workers
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner)
            .drain(..)
            .collect();
        std::thread::scope(|scope| {
            scope.spawn(|| {
                let waiter = tokio::runtime::Builder::new_current_thread()
                    .build()
                    .expect("the OS refused to start a runtime");
                waiter.block_on(async {
                    for worker in workers {
                        let _ = worker.await;
                    }
                });
            });
        });
    }
}
