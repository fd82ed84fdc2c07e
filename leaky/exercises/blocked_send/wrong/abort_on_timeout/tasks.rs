//! Wrong fix for the blocked-send exercise, task flavour: the task aborted when the timeout fires.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! A channel per call, and the task aborted on the path where the call gives up: a
//! timed out call leaves nothing. But when the caller drops the call's future
//! before its deadline (an outer `timeout`, a `select!`), that path never runs, and
//! the task ticks on after its call has gone, for ever when the service never comes
//! up.
//!
//! Blocked send, task flavour: tokio tasks and `async-channel` channels.
//!
//! The worker ticks with tokio's `interval`, and the caller races the worker's
//! answer against tokio's `timeout`, just as the Go code does with `select`.

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
        let probe = self.probe.clone();
        let period = self.tick;
        // WRONG FIX: a channel for this call only.
        let (ready_tx, ready_rx) = bounded(1);
        // Dropping a `JoinHandle` detaches the task; it does not stop it. (`traced`
        // changes nothing: it lets the checker's report say where a task waits.)
        let task = tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                if probe.check_async().await {
                    // LEAK: nobody receives after a timeout, and the watcher
                    // keeps the receiver alive: this send waits forever.
                    let _ = ready_tx.send(true).await;
                    return;
                }
            }
        }));
        match timeout(timeout_after, ready_rx.recv()).await {
            Ok(_) => Ok(()),
            Err(_) => {
                // WRONG FIX: a call that gives up stops its task.
                task.abort();
                Err(TimedOut(timeout_after))
            }
        }
    }
}
