//! Wrong fix for the endless-ticker exercise, task flavour: the task gives up after one check.
//!
//! Breaks: a call is answered ready once its own check passes.
//!
//! A task that checks once and ends, whatever the answer, can never tick forever,
//! and a closed channel tells the caller it gave up. But a service that is not up
//! at the first check may be up at the next: the call then says not ready, though a
//! check of its own would have passed long before its deadline.
//!
//! Endless ticker, task flavour: tokio tasks and `async-channel` channels.
//!
//! The worker ticks with tokio's `interval`, and the caller races the worker's
//! answer against tokio's `timeout`, just as the Go code does with `select`.

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
        // A channel for this call, with room for the one answer.
        let (ready_tx, ready_rx) = bounded(1);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            // WRONG FIX: one check, then the task ends, pass or fail.
            ticks.tick().await;
            if probe.check_async().await {
                let _ = ready_tx.send(true).await;
            }
        }));
        match timeout(timeout_after, ready_rx.recv()).await {
            // A closed channel is a task that gave up, not an answer.
            Ok(Ok(_)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
