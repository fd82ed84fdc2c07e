//! Wrong fix for the endless-ticker exercise, task flavour:
//! the task runs under a `CancellationToken`, and a drop guard cancels it however
//! the call ends, written `let _ = cancel.clone().drop_guard();`.
//!
//! Breaks: a call is answered ready once its own check passes.
//!
//! It is the right tool and it compiles without a warning; but `let _ =` binds
//! nothing: the guard is dropped on that very line, the token is cancelled before
//! the task first runs, and no call is ever answered, however soon the service is
//! up.

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
        let cancel = CancellationToken::new();
        // Cancels the token when this call returns, however it returns.
        let _ = cancel.clone().drop_guard();
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
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
