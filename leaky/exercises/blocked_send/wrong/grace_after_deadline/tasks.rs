//! Wrong fix for the blocked-send exercise, task flavour:
//! a channel per call and a task cancelled however the call ends, and at the
//! deadline half a second's grace for a check that is about to pass.
//!
//! Breaks: a call returns by its deadline.
//!
//! The task ends with its call, as in the fix with a `CancellationToken`, and an
//! answer that was nearly in is not wasted; but the caller asked to give up at its
//! deadline, not half a second after it: when the service is slow, every call comes
//! back late, and a caller that budgets its own time misses its deadline because of
//! this one.
//!
//! Blocked send, task flavour: tokio tasks and `async-channel` channels.
//!
//! The worker ticks with tokio's `interval`, and the caller races the worker's
//! answer against tokio's `timeout`, just as the Go code does with `select`.

use std::time::Duration;

use async_channel::bounded;
use checker::traced;
use tokio::time::{Instant, interval_at, timeout};
use tokio_util::sync::CancellationToken;
use workshop::{Probe, TimedOut};

/// How long past its deadline a call waits for a check that is under way.
const GRACE: Duration = Duration::from_millis(500);

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
        // WRONG FIX: a channel for this call only, and a task that runs until the
        // call is over, however it ends.
        let (ready_tx, ready_rx) = bounded(1);
        let cancel = CancellationToken::new();
        let _cancel_on_return = cancel.clone().drop_guard();
        // Dropping a `JoinHandle` detaches the task; it does not stop it. (`traced`
        // changes nothing: it lets the checker's report say where a task waits.)
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
        match timeout(timeout_after, ready_rx.recv()).await {
            Ok(Ok(_)) => Ok(()),
            Ok(Err(_)) => Err(TimedOut(timeout_after)),
            // WRONG FIX: a check may be just about to pass: give its answer a
            // moment to land, rather than throw it away.
            Err(_) => match timeout(GRACE, ready_rx.recv()).await {
                Ok(Ok(_)) => Ok(()),
                _ => Err(TimedOut(timeout_after)),
            },
        }
    }
}
