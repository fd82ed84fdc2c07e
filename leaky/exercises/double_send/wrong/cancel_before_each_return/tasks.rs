//! Wrong fix for the double-send exercise, task flavour:
//! a channel per call with room for both reports, the caller reading until one says
//! ready, and the task's handle aborted on each way out of the function.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! Every `return` in the function aborts the task, so it looks airtight; but a
//! caller that drops the future stops it at an `.await`, where no `return` runs,
//! and the task, service never up, ticks on.

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
        // Room for both reports.
        let (report_tx, report_rx) = bounded(2);
        let task = tokio::spawn(traced(async move {
            // The first report: started, not ready yet.
            let _ = report_tx.send(false).await;
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                if probe.check_async().await {
                    let _ = report_tx.send(true).await;
                    return;
                }
            }
        }));
        let answer = async {
            while !report_rx.recv().await? {}
            Ok::<(), async_channel::RecvError>(())
        };
        match timeout(timeout_after, answer).await {
            Ok(Ok(())) => {
                task.abort();
                Ok(())
            }
            _ => {
                task.abort();
                Err(TimedOut(timeout_after))
            }
        }
    }
}
