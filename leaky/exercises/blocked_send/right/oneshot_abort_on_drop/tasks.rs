//! Right fix for the blocked-send exercise, task flavour, written
//! differently from `fixed/`: a `oneshot` per call for the one answer, and the task
//! held in an `AbortOnDropHandle` that lives exactly as long as the call.
//!
//! Right: the reply belongs to the call, so no other call can take it and a late
//! `send` returns at once; the handle is dropped on every way out of the call
//! (answered, timed out, or its future dropped), and dropping it aborts the task at
//! its next `.await`, mid-tick or mid-check.

use std::time::Duration;

use checker::traced;
use tokio::sync::oneshot;
use tokio::time::{Instant, interval_at, timeout};
use tokio_util::task::AbortOnDropHandle;
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
        // One answer, for this call only.
        let (reply, answer) = oneshot::channel();
        // The task is aborted when this handle is dropped: when the call ends,
        // however it ends.
        let _worker = AbortOnDropHandle::new(tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                if probe.check_async().await {
                    let _ = reply.send(());
                    return;
                }
            }
        })));
        match timeout(timeout_after, answer).await {
            Ok(Ok(())) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
