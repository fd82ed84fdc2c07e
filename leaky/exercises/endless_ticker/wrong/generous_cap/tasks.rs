//! Wrong fix for the endless-ticker exercise, task flavour:
//! the task's loop wrapped in its own `tokio::time::timeout`, four times the
//! call's, so that a service that never comes up cannot keep it ticking for ever.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! Every task ends now, and a slow check just past the call's deadline still
//! reports; but the task's clock is not the call's: a call that gives up, or is
//! dropped, leaves its task checking for three timeouts more.

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
        // A cap with room to spare: the task can never outlive it.
        let cap = timeout_after * 4;
        tokio::spawn(traced(async move {
            let _ = timeout(cap, async move {
                let mut ticks = interval_at(Instant::now() + period, period);
                loop {
                    ticks.tick().await;
                    if probe.check_async().await {
                        let _ = ready_tx.send(true).await;
                        return;
                    }
                }
            })
            .await;
        }));
        match timeout(timeout_after, ready_rx.recv()).await {
            Ok(Ok(_)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
