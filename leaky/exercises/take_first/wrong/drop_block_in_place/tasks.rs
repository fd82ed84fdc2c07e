//! Wrong fix for the take-first exercise, task flavour:
//! a channel per call with a slot per replica, every replica's handle kept in the
//! watcher, and a `Drop` that waits for them all with `block_in_place`, so that no
//! replica is cut off mid-check.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! No send waits, and no handle is dropped; but a replica still stops only when its
//! own check passes, so the replicas of a call that timed out while the service
//! never came up tick on long after it. And the `Drop` cannot wait for them anyway:
//! `block_in_place` panics on a current-thread runtime, and `Handle::current`
//! outside one: dropping the watcher panics wherever it is dropped.
//!
//! Take first, task flavour: tokio tasks and `async-channel` channels.
//!
//! The workers tick with tokio's `interval`, and the caller races the first answer
//! against tokio's `timeout`, just as the Go code does with `select`.

use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use async_channel::bounded;
use checker::traced;
use tokio::runtime::Handle;
use tokio::task::{JoinHandle, block_in_place};
use tokio::time::{Instant, interval_at, timeout};
use workshop::{Probe, TimedOut};

use super::REPLICAS;

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
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        // WRONG FIX: a channel for this call only, with a slot per replica.
        let (ready_tx, ready_rx) = bounded(REPLICAS);
        for _ in 0..REPLICAS {
            let (probe, period) = (self.probe.clone(), self.tick);
            let ready_tx = ready_tx.clone();
            // (`traced` changes nothing: it lets the checker say where a task
            // waits.)
            let replica = tokio::spawn(traced(async move {
                let mut ticks = interval_at(Instant::now() + period, period);
                loop {
                    ticks.tick().await;
                    if probe.check_async().await {
                        let _ = ready_tx.send(true).await;
                        return;
                    }
                }
            }));
            self.replicas
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(replica);
        }
        match timeout(timeout_after, ready_rx.recv()).await {
            Ok(Ok(_)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}

// WRONG FIX: nothing outlives the watcher: it waits for its replicas to end.
impl Drop for Watcher {
    fn drop(&mut self) {
        let replicas: Vec<_> = self
            .replicas
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner)
            .drain(..)
            .collect();
        block_in_place(|| {
            Handle::current().block_on(async {
                for replica in replicas {
                    let _ = replica.await;
                }
            });
        });
    }
}
