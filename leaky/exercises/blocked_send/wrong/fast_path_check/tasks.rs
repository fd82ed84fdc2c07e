//! Wrong fix for the blocked-send exercise, task flavour:
//! a fast path: one check at once, before the timed wait starts.
//!
//! Breaks: a call returns by its deadline.
//!
//! In full: a fast path that checks once, at once, before the timed wait, then a
//! one-slot channel per call and a worker that stops at the call's deadline.
//!
//! The fast path looks like a pure gain: a service that is already up answers
//! without waiting a tick. But that first check runs outside the `timeout`, and the
//! deadline is counted from after it: a call waits for the whole check, however
//! slow, and then for its whole timeout again.

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
        // Fast path: a service that is up already needs no worker at all.
        if self.probe.check_async().await {
            return Ok(());
        }
        let deadline = Instant::now() + timeout_after;
        let probe = self.probe.clone();
        let period = self.tick;
        let (ready_tx, ready_rx) = bounded(1);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                if Instant::now() >= deadline {
                    return;
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
