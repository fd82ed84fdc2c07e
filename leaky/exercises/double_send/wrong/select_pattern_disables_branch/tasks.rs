//! Wrong fix for the double-send exercise, task flavour:
//! room for both reports, and a `select!` on `Ok(true) = reports.recv()`.
//!
//! Breaks: a call is answered ready once its own check passes.
//!
//! In full: a channel per call with room for both reports, a worker that stops at
//! the call's deadline, and a caller that `select!`s on
//! `Ok(true) = reports.recv()`.
//!
//! The pattern reads as "wait for a report that says ready", and nothing is left
//! behind. But in `tokio::select!` a pattern that fails to match disables its
//! branch for the rest of that `select!`: the first report is "started, not ready
//! yet", the branch is switched off by it, and the "ready" that follows is never
//! read. The call waits out its timeout and says not ready, however early its check
//! passed.

use std::time::Duration;

use async_channel::bounded;
use checker::traced;
use tokio::time::{Instant, interval_at, sleep};
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
        let deadline = Instant::now() + timeout_after;
        let (probe, period) = (self.probe.clone(), self.tick);
        // Room for both reports: neither send can wait.
        let (report_tx, report_rx) = bounded(2);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            let _ = report_tx.send(false).await;
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                if Instant::now() >= deadline {
                    return;
                }
                if probe.check_async().await {
                    let _ = report_tx.send(true).await;
                    return;
                }
            }
        }));
        tokio::select! {
            // Only a report that says ready.
            Ok(true) = report_rx.recv() => Ok(()),
            () = sleep(timeout_after) => Err(TimedOut(timeout_after)),
        }
    }
}
