//! Right fix for the blocked-send exercise, task flavour, written
//! differently from `fixed/`: a `oneshot` and an `AbortOnDropHandle`.
//!
//! Right: the call owns the handle; its drop aborts the worker, however it ends.
//!
//! In full: a `oneshot` per call for the answer, and the worker's handle wrapped in
//! tokio-util's `AbortOnDropHandle`, which the call owns.
//!
//! Why: a `oneshot` send never waits, and the channel is the call's alone; the
//! handle is dropped however the call ends (answered, timed out, or its future
//! dropped by its caller), which aborts the worker at its next `.await`, check in
//! flight and all, so nothing it started runs on.

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
        let (ready_tx, ready_rx) = oneshot::channel();
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        let _worker = AbortOnDropHandle::new(tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                if probe.check_async().await {
                    let _ = ready_tx.send(());
                    return;
                }
            }
        })));
        match timeout(timeout_after, ready_rx).await {
            Ok(Ok(())) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
