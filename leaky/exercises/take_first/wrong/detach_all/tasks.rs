//! Wrong fix for the take-first exercise, task flavour:
//! a `JoinSet` of replicas, detached with `detach_all` once answered.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! In full: a channel per call with room for every answer, the replicas in a
//! `JoinSet`, and `detach_all` once the call has its answer, so that no replica is
//! cut off mid-check.
//!
//! With a service that comes up, letting the others finish is harmless: each
//! passes, finds room for its answer, and ends. But `detach_all` gives up the one
//! thing the set was for, aborting on drop. When the service never comes up the
//! call times out, detaches its replicas, and they tick on, forever.

use std::time::Duration;

use async_channel::bounded;
use checker::traced;
use tokio::task::JoinSet;
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
        let (ready_tx, ready_rx) = bounded(REPLICAS);
        let mut replicas = JoinSet::new();
        for _ in 0..REPLICAS {
            let (probe, period) = (self.probe.clone(), self.tick);
            let ready_tx = ready_tx.clone();
            // (`traced` changes nothing: it lets the checker say where a task
            // waits.)
            replicas.spawn(traced(async move {
                let mut ticks = interval_at(Instant::now() + period, period);
                loop {
                    ticks.tick().await;
                    if probe.check_async().await {
                        // Room for every replica: this never waits.
                        let _ = ready_tx.send(true).await;
                        return;
                    }
                }
            }));
        }
        let answer = timeout(timeout_after, ready_rx.recv()).await;
        // Let the other replicas finish their check rather than abort them in the
        // middle of it: each has room for its answer.
        replicas.detach_all();
        match answer {
            Ok(Ok(_)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
