//! Wrong fix for the endless-ticker exercise, task flavour:
//! the watcher's `Drop` cancels the workers and spawns a wait for them.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! In full: each call's worker runs under a child of the watcher's
//! `CancellationToken` on the watcher's `TaskTracker`; the watcher's `Drop` cancels
//! them all and, since `drop` cannot `.await`, spawns a task that waits for the
//! tracker.
//!
//! Every call is right: its guard cancels its worker on every way out, the check in
//! flight included. The trouble is in the watcher's `Drop`: `tokio::spawn` needs a
//! runtime to spawn on, and finds one only when called from inside one. A watcher
//! dropped on a plain thread, after the runtime its calls ran on, panics in its own
//! `Drop` ("there is no reactor running"), and the drop that was meant to tidy up
//! takes its owner down instead.

use std::time::Duration;

use async_channel::bounded;
use checker::traced;
use tokio::time::{Instant, interval_at, timeout};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    /// Every call's token is a child of this one.
    shutdown: CancellationToken,
    /// Every call's worker, so that the watcher can wait for them.
    workers: TaskTracker,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self {
            probe,
            tick,
            shutdown: CancellationToken::new(),
            workers: TaskTracker::new(),
        }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let (probe, period) = (self.probe.clone(), self.tick);
        let (ready_tx, ready_rx) = bounded(1);
        // Cancelled when this call returns, however it returns, or with the
        // watcher.
        let call = self.shutdown.child_token();
        let _cancel_on_return = call.clone().drop_guard();
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        self.workers.spawn(traced(call.run_until_cancelled_owned(async move {
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

impl Drop for Watcher {
    fn drop(&mut self) {
        self.shutdown.cancel();
        self.workers.close();
        // `drop` cannot `.await`: the wait for the workers gets a task of its own.
        let workers = self.workers.clone();
        tokio::spawn(async move { workers.wait().await });
    }
}
