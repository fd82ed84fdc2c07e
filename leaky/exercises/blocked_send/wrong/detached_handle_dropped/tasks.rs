//! Wrong fix for the blocked-send exercise, task flavour:
//! a channel per call, and the task's `JoinHandle` dropped explicitly when the call
//! returns, to stop the task as dropping a future would.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! The channel part is right (the late send finds no receiver and fails at once),
//! and `drop(worker)` reads like a cancellation; but dropping a `JoinHandle`
//! detaches the task, and a task whose service never comes up ticks on for ever.

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
        let probe = self.probe.clone();
        let period = self.tick;
        // Our own channel: once this call returns, a send on it fails.
        let (ready_tx, ready_rx) = bounded(1);
        let worker = tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                if probe.check_async().await {
                    let _ = ready_tx.send(true).await;
                    return;
                }
            }
        }));
        let answer = match timeout(timeout_after, ready_rx.recv()).await {
            Ok(Ok(_)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        };
        // Done with the worker: drop its handle and it is gone.
        drop(worker);
        answer
    }
}
