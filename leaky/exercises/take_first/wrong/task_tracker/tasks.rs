//! Wrong fix for the take-first exercise, task flavour: the replicas spawned on a `TaskTracker`.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! A `TaskTracker` keeps count of the tasks spawned on it, and tokio-util's docs
//! pair it with shutdown: it reads like owning them. But a tracker only tracks: it
//! neither cancels its tasks nor waits for them unless asked to, and dropping it
//! lets every replica run on, stuck on its send or ticking for ever.
//!
//! Take first, task flavour: tokio tasks and `async-channel` channels.
//!
//! The workers tick with tokio's `interval`, and the caller races the first answer
//! against tokio's `timeout`, just as the Go code does with `select`.

use std::time::Duration;

use async_channel::{Receiver, Sender, bounded};
use checker::traced;
use tokio::time::{Instant, interval_at, timeout};
use tokio_util::task::TaskTracker;
use workshop::{Probe, TimedOut};

use super::REPLICAS;

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
        Self { probe, tick, ready: bounded(1) }
    }

    /// Waits until the first replica's probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let (ready_tx, ready_rx) = self.ready.clone();
        // WRONG FIX: the replicas are spawned on a tracker owned by this call.
        let replicas = TaskTracker::new();
        for _ in 0..REPLICAS {
            let (probe, period) = (self.probe.clone(), self.tick);
            let ready_tx = ready_tx.clone();
            // (`traced` changes nothing: it lets the checker say where a task waits.)
            replicas.spawn(traced(async move {
                let mut ticks = interval_at(Instant::now() + period, period);
                loop {
                    ticks.tick().await;
                    if probe.check_async().await {
                        // LEAK: one answer is read; every other send waits for
                        // room forever.
                        let _ = ready_tx.send(true).await;
                        return;
                    }
                }
            }));
        }
        replicas.close();
        match timeout(timeout_after, ready_rx.recv()).await {
            Ok(_) => Ok(()),
            Err(_) => Err(TimedOut(timeout_after)),
        }
    }
}
