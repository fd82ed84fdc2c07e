//! Wrong fix for the double-send exercise, task flavour:
//! the task reports every check and stops when a report finds nobody; the caller
//! reads the first report on its own, then races the rest against `timeout`.
//!
//! Breaks: a call returns by its deadline.
//!
//! With quick checks the first report comes at once and nothing seems lost; but the
//! first report now comes after the first check, and the bare `recv().await` waits
//! for it with no deadline: a slow check keeps the caller, and `timeout` only
//! starts after.

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
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                let ready = probe.check_async().await;
                // Every check is reported; nobody listening means stop.
                if report_tx.send(ready).await.is_err() || ready {
                    return;
                }
            }
        }));
        // The first report: the task is up and running.
        match report_rx.recv().await {
            Ok(true) => return Ok(()),
            Ok(false) => {}
            Err(_) => return Err(TimedOut(timeout_after)),
        }
        // Then read reports until one says ready, or the deadline comes.
        let answer = async {
            while !report_rx.recv().await? {}
            Ok::<(), async_channel::RecvError>(())
        };
        match timeout(timeout_after, answer).await {
            Ok(Ok(())) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
