//! Wrong fix for the take-first exercise, task flavour: the replicas aborted when the timeout fires.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! A channel per call, and every replica aborted on the path where the call gives
//! up. But an answered call leaves its other replicas running (with a service that
//! comes up later, they tick until their own check passes), and a call whose future
//! is dropped by its caller before its deadline never takes that path: its replicas
//! tick on.
//!
//! Take first, task flavour: tokio tasks and `async-channel` channels.
//!
//! The workers tick with tokio's `interval`, and the caller races the first answer
//! against tokio's `timeout`, just as the Go code does with `select`.

use std::time::Duration;

use async_channel::bounded;
use checker::traced;
use tokio::time::{Instant, interval_at, timeout};
use workshop::{Probe, TimedOut};

use super::REPLICAS;

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
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        // WRONG FIX: a channel for this call only.
        let (ready_tx, ready_rx) = bounded(REPLICAS);
        let mut replicas = Vec::new();
        for _ in 0..REPLICAS {
            let (probe, period) = (self.probe.clone(), self.tick);
            let ready_tx = ready_tx.clone();
            // (`traced` changes nothing: it lets the checker say where a task waits.)
            replicas.push(tokio::spawn(traced(async move {
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
            })));
        }
        match timeout(timeout_after, ready_rx.recv()).await {
            Ok(_) => Ok(()),
            Err(_) => {
                // WRONG FIX: a call that gives up stops its replicas.
                for replica in &replicas {
                    replica.abort();
                }
                Err(TimedOut(timeout_after))
            }
        }
    }
}
