//! Take first, task flavour: tokio tasks in a `JoinSet`.
//!
//! The workers tick with tokio's `interval`, and the caller races the first worker
//! to finish against tokio's `timeout`.

use std::time::Duration;

use checker::traced;
use tokio::task::JoinSet;
use tokio::time::{Instant, interval_at, timeout};
use workshop::{Probe, TimedOut};

use super::REPLICAS;

/// Waits for a service to become ready, asking every replica at once.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // FIX: no channel at all: the first worker to finish has the answer.
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
        // FIX: the workers belong to this call's `JoinSet`. When the call returns,
        // with the first answer or none, the set is dropped, and dropping a
        // `JoinSet` aborts every task still in it.
        let mut workers = JoinSet::new();
        for _ in 0..REPLICAS {
            let (probe, period) = (self.probe.clone(), self.tick);
            // (`traced` changes nothing: it lets the checker say where a task waits.)
            workers.spawn(traced(async move {
                let mut ticks = interval_at(Instant::now() + period, period);
                loop {
                    ticks.tick().await;
                    if probe.check_async().await {
                        return;
                    }
                }
            }));
        }
        match timeout(timeout_after, workers.join_next()).await {
            Ok(Some(Ok(()))) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
