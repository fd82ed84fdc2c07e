//! Wrong fix for the endless-ticker exercise, task flavour: a cancellation token, cancelled when the timeout fires.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! The task runs until a `CancellationToken` is cancelled, and the call cancels it
//! when its timeout fires. But that is one way out of the call among three: when
//! the caller drops the call's future before its deadline (an outer `timeout`, a
//! `select!`), the token is never cancelled, and the task ticks on for ever when
//! the service never comes up. A `drop_guard` would cancel on every path.
//!
//! Endless ticker, task flavour: tokio tasks and `async-channel` channels.
//!
//! The worker ticks with tokio's `interval`, and the caller races the worker's
//! answer against tokio's `timeout`, just as the Go code does with `select`.

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
        // A channel for this call, with room for the one answer.
        let (ready_tx, ready_rx) = bounded(1);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        let cancel = CancellationToken::new();
        let ticking = async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            // LEAK: the only way out of this loop is a check that passes. If it
            // never does, the task ticks forever.
            loop {
                ticks.tick().await;
                if probe.check_async().await {
                    let _ = ready_tx.send(true).await;
                    return;
                }
            }
        };
        // WRONG FIX: the task runs until the token is cancelled.
        tokio::spawn(traced(cancel.clone().run_until_cancelled_owned(ticking)));
        match timeout(timeout_after, ready_rx.recv()).await {
            Ok(_) => Ok(()),
            Err(_) => {
                // WRONG FIX: a call that gives up cancels its task.
                cancel.cancel();
                Err(TimedOut(timeout_after))
            }
        }
    }
}
