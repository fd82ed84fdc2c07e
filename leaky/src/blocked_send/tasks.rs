//! Blocked send, task flavour: a tokio task and an `async-channel` channel.
//!
//! `async-channel` has no zero-capacity channel (`bounded(0)` panics), so the
//! watcher uses the smallest buffer, one slot. The leak still happens, one call
//! later: the first late worker drops its answer into the empty slot and ends, and
//! every later one finds the slot full and waits for room forever. Worse, the
//! answer left in the slot is stale: the next caller takes it and believes the
//! service is ready before its own check has run.

use std::time::Duration;

use async_channel::{Receiver, Sender, bounded};
use tokio::time::{Instant, interval_at, timeout};
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // LEAK: the channel belongs to the watcher, not to one call, so its receiving
    // end outlives every call that gives up. A worker blocked on it is never told
    // to stop.
    ready_tx: Sender<bool>,
    ready_rx: Receiver<bool>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        let (ready_tx, ready_rx) = bounded(1);
        Self {
            probe,
            tick,
            ready_tx,
            ready_rx,
        }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let probe = self.probe.clone();
        let period = self.tick;
        let ready_tx = self.ready_tx.clone();
        // Dropping a `JoinHandle` detaches the task; it does not stop it. Nothing
        // here keeps the handle, so nothing can ever wait for this task or abort
        // it.
        tokio::spawn(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                if probe.check_async().await {
                    // LEAK: with the one slot taken, this send waits for room.
                    // After a timeout nobody receives, but the receiver is alive
                    // (the watcher owns it), so this waits forever. The result is
                    // ignored, too.
                    let _ = ready_tx.send(true).await;
                    return;
                }
            }
        });
        match timeout(timeout_after, self.ready_rx.recv()).await {
            Ok(_) => Ok(()),
            Err(_) => Err(TimedOut(timeout_after)),
        }
    }
}
