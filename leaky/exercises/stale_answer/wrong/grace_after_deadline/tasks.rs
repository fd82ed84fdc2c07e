//! Wrong fix for the stale-answer exercise, task flavour:
//! a channel per call, so that a late answer goes nowhere, a task that stops at the
//! deadline, and at the deadline a short grace of 300 ms for an answer already on
//! its way, rather than waste it.
//!
//! Breaks: a call returns by its deadline.
//!
//! No later call can take this call's answer any more; but the caller asked to give
//! up at its deadline, not 300 ms after it: when the service is slow, every call
//! comes back late, and a caller that budgets its own time misses its deadline
//! because of this one.
//!
//! Stale answer, task flavour: tokio tasks and `async-channel` channels.
//!
//! The worker ticks with tokio's `interval`, and the caller races the worker's
//! answer against tokio's `timeout`, just as the Go code does with `select`.

use std::time::Duration;

use async_channel::bounded;
use checker::traced;
use tokio::time::{Instant, interval_at, timeout};
use workshop::{Probe, TimedOut};

/// How long past its deadline a call waits for an answer already on its way.
const GRACE: Duration = Duration::from_millis(300);

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
        // The task is given the call's deadline.
        let deadline = Instant::now() + timeout_after;
        let (probe, period) = (self.probe.clone(), self.tick);
        // WRONG FIX: a channel for this call, with room for its one answer: a late
        // answer lands where no later call will ever look.
        let (ready_tx, ready_rx) = bounded(1);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                if Instant::now() >= deadline {
                    return;
                }
                if probe.check_async().await {
                    let _ = ready_tx.send(true).await;
                    return;
                }
            }
        }));
        // WRONG FIX: an answer already on its way is worth a short wait.
        match timeout(timeout_after + GRACE, ready_rx.recv()).await {
            Ok(Ok(_)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
