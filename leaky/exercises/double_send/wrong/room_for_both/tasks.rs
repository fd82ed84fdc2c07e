//! Wrong fix for the double-send exercise, task flavour: a channel per call, with room for both reports.
//!
//! Breaks: a call is answered ready once its own check passes.
//!
//! A channel per call with room for both reports means neither send ever waits, and
//! no report is left for another call. But the caller still reads one report and
//! acts on it, and the first report is always "not yet": every call says not ready,
//! even when the service is up at once.
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
        // WRONG FIX: a channel for this call only, with room for both reports.
        let (report_tx, report_rx) = bounded(2);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            // The first report: started, not ready yet.
            let _ = report_tx.send(false).await;
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                if probe.check_async().await {
                    // LEAK: the caller read one report and left: this second send
                    // waits for room forever.
                    let _ = report_tx.send(true).await;
                    return;
                }
            }
        }));
        // LEAK: one report is read, whatever it says; the rest are left unread.
        match timeout(timeout_after, report_rx.recv()).await {
            Ok(Ok(true)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
