//! Wrong fix for the endless-ticker exercise, task flavour:
//! the cancel fix, plus a cache: a pass under a tick old answers at once.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! In full: the cancellation fix, plus a cache: a check that passed less than a
//! tick ago answers the next call at once, since a fresh check would run no sooner.
//!
//! The worker is cancelled on every way out, so nothing leaks, and the cache looks
//! like a harmless saving: within a tick, the answer is as fresh as the watcher's
//! own rhythm allows. But a call's answer must come from a check that started after
//! it asked. A call made just after a ready answer takes that answer, from a check
//! that started before it, even if the service went down in between.

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
    /// When a check last passed.
    last_ready: Mutex<Option<Instant>>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, last_ready: Mutex::new(None) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        // A check that passed less than a tick ago is as fresh as a new one.
        let last = *self.last_ready.lock().unwrap_or_else(PoisonError::into_inner);
        if last.is_some_and(|at| at.elapsed() < self.tick) {
            return Ok(());
        }
        let (probe, period) = (self.probe.clone(), self.tick);
        let (ready_tx, ready_rx) = bounded(1);
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
        match timeout(timeout_after, ready_rx.recv()).await {
            Ok(Ok(_)) => {
                *self.last_ready.lock().unwrap_or_else(PoisonError::into_inner) =
                    Some(Instant::now());
                Ok(())
            }
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
