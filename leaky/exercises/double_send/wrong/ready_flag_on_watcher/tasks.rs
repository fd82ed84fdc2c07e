//! Wrong fix for the double-send exercise, task flavour:
//! a channel per call and a task that stops at the deadline, plus a flag on the
//! watcher that remembers the service is up, so that later calls need not wait a
//! tick.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! Services that came up mostly stay up, and the shortcut saves a whole check; but
//! the flag is an answer given to an earlier call: once it is set, every later call
//! is told "ready" without a check of its own, even after the service went down.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use async_channel::bounded;
use checker::traced;
use tokio::time::{Instant, interval_at, timeout};
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // Set once a check has passed: the service is up.
    up: Arc<AtomicBool>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, up: Arc::new(AtomicBool::new(false)) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        // Known to be up: no need to wait for a check.
        if self.up.load(Ordering::Acquire) {
            return Ok(());
        }
        let deadline = Instant::now() + timeout_after;
        let (probe, period, up) =
            (self.probe.clone(), self.tick, Arc::clone(&self.up));
        // One report, the answer, on a channel for this call only.
        let (report_tx, report_rx) = bounded(1);
        tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                if ticks.tick().await >= deadline {
                    return;
                }
                if probe.check_async().await {
                    up.store(true, Ordering::Release);
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
