//! Right fix for the stale-answer exercise, task flavour, written
//! differently from `fixed/`: the answer is the worker's return value.
//!
//! Right: a `JoinHandle` yields its own task's result; a guard aborts the task.
//!
//! In full: no channel at all; the worker's answer is its return value, awaited on
//! its own `JoinHandle`, which a guard aborts when the call ends.
//!
//! Why: a `JoinHandle` yields the result of its own task and of no other, so no
//! answer can reach another call; the guard runs however the call ends, its future
//! dropped included, and the abort ends the worker, check in flight and all.

use std::time::Duration;

use checker::traced;
use tokio::task::JoinHandle;
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
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        let mut worker = AbortOnDrop(tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                if probe.check_async().await {
                    return;
                }
            }
        })));
        // The worker ends only when a check passes: its end is the answer.
        match timeout(timeout_after, &mut worker.0).await {
            Ok(Ok(())) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}

/// Aborts its task when dropped.
struct AbortOnDrop(JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}
