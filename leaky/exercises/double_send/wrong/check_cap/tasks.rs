//! Wrong fix for the double-send exercise, task flavour:
//! one report (the answer) on a channel per call, and a cap on the task's loop at
//! 300 checks, so that a service that never comes up cannot keep it ticking for
//! ever.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! No "not yet" is left unread, a late answer finds no receiver and fails at once,
//! and the loop has an end; but the end is the task's own, not its call's: 300
//! ticks of 100 ms is half a minute, and a call that gives up after a second leaves
//! its task checking for the rest of it.
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

/// At most this many checks per call: enough for any service worth waiting for.
const MAX_CHECKS: usize = 300;

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
        // WRONG FIX: a channel for this call only: once it returns, a send fails
        // at once.
        let (report_tx, report_rx) = bounded(1);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            // WRONG FIX: one report, the answer, and at most MAX_CHECKS checks.
            for _ in 0..MAX_CHECKS {
                ticks.tick().await;
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
