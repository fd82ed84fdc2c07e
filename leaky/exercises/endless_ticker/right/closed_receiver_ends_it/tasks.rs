//! Right fix for the endless-ticker exercise, task flavour, written
//! differently from `fixed/`: the worker asks if its channel closed.
//!
//! Right: the call's receiver goes however it ends; the worker sees it at a tick.
//!
//! In full: no token and no extra report; before each check the worker asks its
//! answer channel whether the call's receiver is still there.
//!
//! Why: the call's receiver is dropped however the call ends, its future dropped
//! included, and `async-channel` closes a channel whose receivers are all gone; the
//! worker finishes the check in flight, then stops at its next tick, and a late
//! answer's send fails at once; the channel is this call's alone.

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
        let (ready_tx, ready_rx) = bounded(1);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                // Closed: the call is over, and nobody will read an answer.
                if ready_tx.is_closed() {
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
