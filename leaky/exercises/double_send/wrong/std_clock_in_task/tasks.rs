//! Wrong fix for the double-send exercise, task flavour:
//! a worker that stops at the call's deadline, read from `std::time::Instant`.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! In full: one report, the answer, on a channel per call, and a worker that stops
//! at the call's deadline, taken from `std::time::Instant` as in the thread
//! flavour.
//!
//! On a runtime that runs on the wall clock this is the default fix. But the task
//! waits on tokio's clock and stops on std's: when tokio's time is paused, or
//! simply not the wall clock, the two part ways. Under paused time tokio jumps from
//! tick to tick while std's clock barely moves, so the worker's deadline never
//! seems to come: it ticks on long after the caller, timed out on tokio's clock,
//! has gone.

use std::time::Duration;

use async_channel::bounded;
use checker::traced;
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
        // The worker gives up at the caller's deadline.
        let deadline = std::time::Instant::now() + timeout_after;
        let (probe, period) = (self.probe.clone(), self.tick);
        let (report_tx, report_rx) = bounded(1);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                if std::time::Instant::now() >= deadline {
                    return;
                }
                if probe.check_async().await {
                    let _ = report_tx.send(true).await;
                    return;
                }
            }
        }));
        match timeout(timeout_after, report_rx.recv()).await {
            Ok(Ok(true)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
