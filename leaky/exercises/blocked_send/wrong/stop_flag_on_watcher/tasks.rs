//! Wrong fix for the blocked-send exercise, task flavour:
//! a channel per call, and a `CancellationToken` on the watcher that the tasks run
//! under: a call that returns cancels it, and puts a fresh one in its place for
//! the calls to come.
//!
//! Breaks: a call is answered ready once its own check passes.
//!
//! A token is the right tool, and swapping in a fresh one looks like it keeps the
//! calls apart; but the token is the watcher's, shared by every call under way:
//! when one call returns and cancels it, it cancels the tasks of the calls still
//! waiting too, and those calls wait out their deadline unanswered, though their
//! service came up long before.
//!
//! Blocked send, task flavour: tokio tasks and `async-channel` channels.
//!
//! The worker ticks with tokio's `interval`, and the caller races the worker's
//! answer against tokio's `timeout`, just as the Go code does with `select`.

use std::sync::{Mutex, PoisonError};
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
    // WRONG FIX: the tasks run under this token; a call that is done cancels it.
    stop: Mutex<CancellationToken>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, stop: Mutex::new(CancellationToken::new()) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let probe = self.probe.clone();
        let period = self.tick;
        // WRONG FIX: a channel for this call only.
        let (ready_tx, ready_rx) = bounded(1);
        let stop = self.stop.lock().unwrap_or_else(PoisonError::into_inner).clone();
        // Dropping a `JoinHandle` detaches the task; it does not stop it. (`traced`
        // changes nothing: it lets the checker's report say where a task waits.)
        tokio::spawn(traced(stop.run_until_cancelled_owned(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                if probe.check_async().await {
                    let _ = ready_tx.send(true).await;
                    return;
                }
            }
        })));
        let answer = match timeout(timeout_after, ready_rx.recv()).await {
            Ok(Ok(_)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        };
        // WRONG FIX: done: stop the task, and give the next calls a fresh token.
        let done = std::mem::replace(
            &mut *self.stop.lock().unwrap_or_else(PoisonError::into_inner),
            CancellationToken::new(),
        );
        done.cancel();
        answer
    }
}
