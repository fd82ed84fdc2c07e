//! Wrong fix for the double-send exercise, task flavour:
//! the task reports every check after its "started" report, and stops at the first
//! report nobody receives; the caller skips the "started" report and takes the next
//! one as the answer.
//!
//! Breaks: a call is answered ready once its own check passes.
//!
//! The task never blocks and never outlives its call, and with a service that is up
//! at once the second report is indeed "ready"; but the second report is the first
//! check's, whatever it says: a service that comes up on a later check gets the
//! call a "not ready" at once, long before its deadline.

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
        let (probe, period) = (self.probe.clone(), self.tick);
        // A channel for this call only: once it returns, a send fails at once.
        let (report_tx, report_rx) = bounded(1);
        tokio::spawn(traced(async move {
            // The first report: started, not ready yet.
            if report_tx.send(false).await.is_err() {
                return;
            }
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                let ready = probe.check_async().await;
                if report_tx.send(ready).await.is_err() || ready {
                    return;
                }
            }
        }));
        // Skip "started"; the report after it is the answer.
        let answer = async {
            report_rx.recv().await?;
            report_rx.recv().await
        };
        match timeout(timeout_after, answer).await {
            Ok(Ok(true)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
