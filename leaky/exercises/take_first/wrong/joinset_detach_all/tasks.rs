//! Wrong fix for the take-first exercise, task flavour:
//! the replicas in a `JoinSet` owned by the call, raced for the first to finish,
//! and the rest detached so that a check under way is not cut off mid-request.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! The `JoinSet` is the right owner, and detaching sounds polite to the service;
//! but `detach_all` gives up exactly what the set was for: the detached replicas
//! tick on, for ever when the service never comes up.

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
        let mut replicas = JoinSet::new();
        for _ in 0..REPLICAS {
            let (probe, period) = (self.probe.clone(), self.tick);
            replicas.spawn(traced(async move {
                let mut ticks = interval_at(Instant::now() + period, period);
                loop {
                    ticks.tick().await;
                    if probe.check_async().await {
                        return;
                    }
                }
            }));
        }
        let answer = match timeout(timeout_after, replicas.join_next()).await {
            Ok(Some(Ok(()))) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        };
        // Let the other replicas finish what they are doing rather than cut them
        // off mid-request.
        replicas.detach_all();
        answer
    }
}
