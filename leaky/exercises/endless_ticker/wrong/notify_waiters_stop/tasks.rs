//! Wrong fix for the endless-ticker exercise, task flavour:
//! a `Notify` on the watcher: the task waits on it beside its ticks, and the call
//! wakes it with `notify_waiters()` when it returns.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! In a test with quick checks the task is always waiting when the call returns,
//! and it stops; but `notify_waiters` wakes only tasks waiting at that moment and
//! leaves no permit: a task inside its check misses the stop and, service never up,
//! ticks for ever (and a call dropped by its caller sends no stop at all).

use std::sync::Arc;
use std::time::Duration;

use async_channel::bounded;
use checker::traced;
use tokio::sync::Notify;
use tokio::time::{Instant, interval_at, timeout};
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // Wakes the tasks so that they stop.
    stop: Arc<Notify>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, stop: Arc::new(Notify::new()) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let (probe, period) = (self.probe.clone(), self.tick);
        let stop = Arc::clone(&self.stop);
        // A channel for this call, with room for the one answer.
        let (ready_tx, ready_rx) = bounded(1);
        tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                tokio::select! {
                    () = stop.notified() => return,
                    _ = ticks.tick() => {}
                }
                if probe.check_async().await {
                    let _ = ready_tx.send(true).await;
                    return;
                }
            }
        }));
        let answer = match timeout(timeout_after, ready_rx.recv()).await {
            Ok(Ok(_)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        };
        // The call is over: stop the task.
        self.stop.notify_waiters();
        answer
    }
}
