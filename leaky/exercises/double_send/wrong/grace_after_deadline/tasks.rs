//! Wrong fix for the double-send exercise, task flavour:
//! one report (the answer) on a channel per call, a task that stops at the
//! deadline, and at the deadline a grace of 300 ms for a check that is about to
//! pass.
//!
//! Breaks: a call returns by its deadline.
//!
//! The task ends with its call and an answer that was nearly in is not wasted; but
//! the caller asked to give up at its deadline, not 300 ms after it: when the
//! service is slow, every call comes back late, and a caller that budgets its own
//! time misses its deadline because of this one.
//!
//! Double send, task flavour: tokio tasks and `async-channel` channels.
//!
//! The worker ticks with tokio's `interval`, and the caller races a report against
//! tokio's `timeout`, just as the Go code does with `select`.

use std::time::Duration;

use async_channel::bounded;
use checker::traced;
use tokio::time::{Instant, interval_at, timeout};
use workshop::{Probe, TimedOut};

/// How long past its deadline a call waits for a check that is under way.
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
        let deadline = Instant::now() + timeout_after;
        let (probe, period) = (self.probe.clone(), self.tick);
        // WRONG FIX: a channel for this call only: once it returns, a send fails
        // at once.
        let (report_tx, report_rx) = bounded(1);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            // WRONG FIX: one report, the answer.
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                // The check under way at the deadline may still answer, in the
                // grace; no new one starts after it.
                if Instant::now() >= deadline {
                    return;
                }
                if probe.check_async().await {
                    let _ = report_tx.send(true).await;
                    return;
                }
            }
        }));
        // WRONG FIX: a check may be just about to pass: give its answer a moment
        // to land, rather than throw it away.
        match timeout(timeout_after + GRACE, report_rx.recv()).await {
            Ok(Ok(true)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
