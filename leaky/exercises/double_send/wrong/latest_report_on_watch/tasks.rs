//! Wrong fix for the double-send exercise, task flavour:
//! the reports go to a `watch` channel on the watcher; calls `wait_for` it.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! In full: the reports go to a `tokio::sync::watch` channel the watcher keeps,
//! which holds only the latest report, and each call waits with `wait_for` until it
//! says ready.
//!
//! A `watch` send never waits, so neither report can block, and the worker stops at
//! the call's deadline. The author counted on the "started" report to reset the
//! value for each call. But `wait_for` looks at the current value first, and the
//! new worker has not run yet when it does: a call made after a ready answer says
//! ready at once, on the previous call's report, even when the service has gone
//! down since.

use std::time::Duration;

use checker::traced;
use tokio::sync::watch;
use tokio::time::{Instant, interval_at, timeout};
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    /// The latest report: a new one replaces it, and no send ever waits.
    reports: watch::Sender<bool>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, reports: watch::Sender::new(false) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let deadline = Instant::now() + timeout_after;
        let (probe, period) = (self.probe.clone(), self.tick);
        let reports = self.reports.clone();
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            // The first report: started, not ready yet.
            reports.send_replace(false);
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                if Instant::now() >= deadline {
                    return;
                }
                if probe.check_async().await {
                    reports.send_replace(true);
                    return;
                }
            }
        }));
        let mut report = self.reports.subscribe();
        match timeout(timeout_after, report.wait_for(|ready| *ready)).await {
            Ok(Ok(_)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
