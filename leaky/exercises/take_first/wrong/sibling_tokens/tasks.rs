//! Wrong fix for the take-first exercise, task flavour:
//! a child token per call, and a child of the watcher's token per replica.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! In full: a `CancellationToken` per call, a child of the watcher's, cancelled by
//! a drop guard; each replica watches a child token of its own.
//!
//! Cancelling a token cancels its children, and the replicas do stop when the
//! watcher is dropped. But each replica's token is made from the watcher's token,
//! not from the call's: it is a sibling of the call's token, not its child, and the
//! call's guard cancels only the call's token and its own children, of which there
//! are none. A call that times out on a service that never comes up leaves its
//! replicas ticking until the watcher goes.

use std::time::Duration;

use async_channel::bounded;
use checker::traced;
use tokio::time::{Instant, interval_at, timeout};
use tokio_util::sync::CancellationToken;
use workshop::{Probe, TimedOut};

use super::REPLICAS;

/// Waits for a service to become ready, asking every replica at once.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    /// Cancelled when the watcher is dropped: every call's token is below it.
    shutdown: CancellationToken,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, shutdown: CancellationToken::new() }
    }

    /// Waits until the first replica's probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let (ready_tx, ready_rx) = bounded(REPLICAS);
        // This call's token, cancelled however the call ends.
        let call = self.shutdown.child_token();
        let _cancel_on_return = call.clone().drop_guard();
        for _ in 0..REPLICAS {
            let (probe, period) = (self.probe.clone(), self.tick);
            let ready_tx = ready_tx.clone();
            // A token of the replica's own, below the call's: cancelling a parent
            // cancels its children.
            let stop = self.shutdown.child_token();
            // (`traced` changes nothing: it lets the checker say where a task
            // waits.)
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
        }
        match timeout(timeout_after, ready_rx.recv()).await {
            Ok(Ok(_)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        self.shutdown.cancel();
    }
}
