//! Wrong fix for the unclosed-channel exercise, task flavour:
//! no `retry` sender: a failed check is retried in a loop inside the worker.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! In full: the worker keeps no sender; a failed check is retried in a loop of its
//! own, on the worker's own ticks, inside the handling of the request.
//!
//! The queue does close now: only the call holds a sender. But the worker no longer
//! looks at the queue while it retries: the inner loop leaves only through a
//! passing check. A worker whose service never comes up is never back at `recv()`
//! to find the queue closed, and retries forever.

use std::time::Duration;

use async_channel::bounded;
use checker::traced;
use tokio::time::{Instant, interval_at, sleep};
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
        let (check_tx, check_rx) = bounded::<()>(1);
        let (ready_tx, ready_rx) = bounded(1);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            // Serves requests until the call's sender is gone.
            while let Ok(()) = check_rx.recv().await {
                // Not ready: check again on our own ticks, no sender needed.
                let mut retries = interval_at(Instant::now() + period, period);
                while !probe.check_async().await {
                    retries.tick().await;
                }
                while check_rx.try_recv().is_ok() {}
                let _ = ready_tx.try_send(true);
            }
        }));
        let mut ticks = interval_at(Instant::now() + self.tick, self.tick);
        let give_up = sleep(timeout_after);
        tokio::pin!(give_up);
        loop {
            tokio::select! {
                _ = ticks.tick() => { let _ = check_tx.try_send(()); }
                Ok(_) = ready_rx.recv() => return Ok(()),
                () = &mut give_up => return Err(TimedOut(timeout_after)),
            }
        }
    }
}
