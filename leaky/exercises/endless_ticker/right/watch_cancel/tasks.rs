//! Right fix for the endless-ticker exercise, task flavour, written
//! differently from `fixed/`: a `watch` channel per call used as a cancellation:
//! the call holds the sender, and the task races its loop against the receiver's
//! `changed()`, which fails once the sender is gone.
//!
//! Right: the sender is dropped on every way out of the call (answered, timed out,
//! or the future dropped); `changed()` then resolves, and the `select!` drops the
//! loop wherever it waits, mid-tick or mid-check: the task ends at once, even when
//! the service never comes up; the answer channel is the call's own.

use std::time::Duration;

use async_channel::bounded;
use checker::traced;
use tokio::sync::watch;
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
        // Nothing is ever sent on it: the call holds it, and drops it when it ends.
        let (_caller, mut caller_gone) = watch::channel(());
        tokio::spawn(traced(async move {
            let ticking = async {
                let mut ticks = interval_at(Instant::now() + period, period);
                loop {
                    ticks.tick().await;
                    if probe.check_async().await {
                        let _ = ready_tx.send(true).await;
                        return;
                    }
                }
            };
            tokio::select! {
                () = ticking => {}
                // `Err` once the sender is dropped: the call is over.
                _ = caller_gone.changed() => {}
            }
        }));
        match timeout(timeout_after, ready_rx.recv()).await {
            Ok(Ok(_)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
