//! Wrong fix for the endless-ticker exercise, task flavour:
//! the task runs under a `CancellationToken` that a drop guard cancels however the
//! call ends, and at the deadline the call gives the task two more ticks, in case
//! its check is about to pass.
//!
//! Breaks: a call returns by its deadline.
//!
//! The task ends with its call, as in the fix, and an answer that was nearly in is
//! not wasted; but the caller asked to give up at its deadline, not two ticks after
//! it: when the service is slow, every call comes back late, and a caller that
//! budgets its own time misses its deadline because of this one.
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
        // WRONG FIX: the guard cancels the token however the call returns.
        let cancel = CancellationToken::new();
        let _cancel_on_return = cancel.clone().drop_guard();
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(cancel.run_until_cancelled_owned(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                if probe.check_async().await {
                    let _ = ready_tx.send(true).await;
                    return;
                }
            }
        })));
        // WRONG FIX: two more ticks for a check that is about to pass, rather
        // than throw its answer away.
        match timeout(timeout_after + self.tick * 2, ready_rx.recv()).await {
            Ok(Ok(_)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
