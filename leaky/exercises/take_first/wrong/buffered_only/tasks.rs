//! Wrong fix for the take-first exercise, task flavour: a channel per call, unbounded.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! A channel per call with room for every answer means each replica's send lands,
//! read or not, and no answer is left for another call. But a replica still has one
//! way out of its loop, a check that passes: when the service never comes up, every
//! replica ticks on after its call has gone.
//!
//! Take first, task flavour: tokio tasks and `async-channel` channels.
//!
//! The workers tick with tokio's `interval`, and the caller races the first answer
//! against tokio's `timeout`, just as the Go code does with `select`.

use std::time::Duration;

use async_channel::unbounded;
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
        // WRONG FIX: a channel for this call only, with room for every answer.
        let (ready_tx, ready_rx) = unbounded();
        for _ in 0..REPLICAS {
            let (probe, period) = (self.probe.clone(), self.tick);
            let ready_tx = ready_tx.clone();
            // (`traced` changes nothing: it lets the checker say where a task waits.)
            tokio::spawn(traced(async move {
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
        match timeout(timeout_after, ready_rx.recv()).await {
            Ok(_) => Ok(()),
            Err(_) => Err(TimedOut(timeout_after)),
        }
    }
}
