//! Wrong fix for the endless-ticker exercise, task flavour:
//! the call holds a `CancellationToken` clone, whose drop is to cancel.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! In full: a `CancellationToken` the worker selects on, and a clone of it held by
//! the call, on the understanding that dropping the call's clone cancels the
//! worker.
//!
//! It has the shape of the fix: a token, a `biased` select with the cancellation
//! first, a clone that lives exactly as long as the call. But dropping a token
//! never cancels it; only `cancel()` does, or a `DropGuard` made with
//! `drop_guard()`. The call's clone goes quietly, and a worker whose service never
//! comes up ticks on.

use std::time::Duration;

use async_channel::bounded;
use checker::traced;
use tokio::time::{Instant, interval_at, timeout};
use tokio_util::sync::CancellationToken;
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
        let (ready_tx, ready_rx) = bounded(1);
        let cancel = CancellationToken::new();
        // The call's hold on the worker: when it is dropped, the worker is
        // cancelled.
        let _cancel_on_return = cancel.clone();
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                tokio::select! {
                    biased;
                    () = cancel.cancelled() => return,
                    _ = ticks.tick() => {}
                }
                if probe.check_async().await {
                    let _ = ready_tx.send(true).await;
                    return;
                }
            }
        }));
        match timeout(timeout_after, ready_rx.recv()).await {
            Ok(Ok(_)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
