//! Wrong fix for the blocked-send exercise, task flavour:
//! a channel per call and a `CancellationToken` the task runs under, cancelled when
//! the call times out.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! Both ways out of the `match` are covered: answered, the task has already
//! returned; timed out, the token stops it. But a caller that drops the future (its
//! own `select!` or `timeout` won) never reaches the `match`, and the task ticks
//! on.

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
        let probe = self.probe.clone();
        let period = self.tick;
        // Our own channel, with room for the one answer.
        let (ready_tx, ready_rx) = bounded(1);
        let cancel = CancellationToken::new();
        tokio::spawn(traced(cancel.clone().run_until_cancelled_owned(
            async move {
                let mut ticks = interval_at(Instant::now() + period, period);
                loop {
                    ticks.tick().await;
                    if probe.check_async().await {
                        let _ = ready_tx.send(true).await;
                        return;
                    }
                }
            },
        )));
        match timeout(timeout_after, ready_rx.recv()).await {
            // The task sent its answer and returned: nothing to stop.
            Ok(_) => Ok(()),
            Err(_) => {
                // Gave up: stop the task.
                cancel.cancel();
                Err(TimedOut(timeout_after))
            }
        }
    }
}
