//! Wrong fix for the take-first exercise, task flavour:
//! a channel per call with a slot per replica, and replicas that stop at the
//! call's deadline.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! No send waits, and a service that never comes up cannot keep a replica ticking
//! for ever; but the deadline is when the call gives up, not when it is over. A
//! call answered at once by the first replica, with an hour to spare, leaves the
//! other two checking the service for that hour.
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
        // WRONG FIX: the replicas know the call's deadline.
        let deadline = Instant::now() + timeout_after;
        // WRONG FIX: a channel for this call only, with a slot per replica.
        let (ready_tx, ready_rx) = bounded(REPLICAS);
        for _ in 0..REPLICAS {
            let (probe, period) = (self.probe.clone(), self.tick);
            let ready_tx = ready_tx.clone();
            // (`traced` changes nothing: it lets the checker say where a task
            // waits.)
            tokio::spawn(traced(async move {
                let mut ticks = interval_at(Instant::now() + period, period);
                loop {
                    ticks.tick().await;
                    // WRONG FIX: nobody waits past the deadline: stop there.
                    if Instant::now() >= deadline {
                        return;
                    }
                    if probe.check_async().await {
                        let _ = ready_tx.send(true).await;
                        return;
                    }
                }
            }));
        }
        match timeout(timeout_after, ready_rx.recv()).await {
            Ok(Ok(_)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
