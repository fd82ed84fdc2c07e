//! Right fix for the stale-answer exercise, task flavour, written
//! differently from `fixed/`: no channel at all: the worker's answer is its task's
//! result, in a `JoinSet` the call owns, raced against `timeout`.
//!
//! Right: a result can only go to the set that spawned the task, so no other call
//! can take it and nothing is left for a later one; the set is dropped on every way
//! out of the call (answered, timed out, or the future dropped), which aborts the
//! worker mid-tick or mid-check.

use std::time::Duration;

use checker::traced;
use tokio::task::JoinSet;
use tokio::time::{Instant, interval_at, timeout};
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let (probe, period) = (self.probe.clone(), self.tick);
        // This call's worker: it ends when it has an answer, or when the set goes.
        let mut worker = JoinSet::new();
        worker.spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                if probe.check_async().await {
                    return;
                }
            }
        }));
        match timeout(timeout_after, worker.join_next()).await {
            Ok(Some(Ok(()))) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
