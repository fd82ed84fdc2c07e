//! Wrong fix for the stale-answer exercise, task flavour:
//! a channel per call with a slot for its answer, and the task's loop under a
//! `tokio::time::timeout` of its own, 30 s, so that a service that never comes up
//! cannot keep it forever.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! A late answer lands where no later call looks, and the loop has an end; but the
//! end is the task's own, not its call's: a call that gives up after a second
//! leaves its task checking the service for half a minute more, and calls in a row
//! stack them up.
//!
//! Stale answer, task flavour: tokio tasks and `async-channel` channels.
//!
//! The worker ticks with tokio's `interval`, and the caller races the worker's
//! answer against tokio's `timeout`, just as the Go code does with `select`.

use std::time::Duration;

use async_channel::bounded;
use checker::traced;
use tokio::time::{Instant, interval_at, timeout};
use workshop::{Probe, TimedOut};

/// How long a task checks before it gives up: longer than any caller waits.
const TASK_GIVES_UP: Duration = Duration::from_secs(30);

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
        // WRONG FIX: a channel for this call, with room for its one answer: a late
        // answer lands where no later call will ever look.
        let (ready_tx, ready_rx) = bounded(1);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            // WRONG FIX: the task's own time limit.
            let _ = timeout(TASK_GIVES_UP, async {
                let mut ticks = interval_at(Instant::now() + period, period);
                loop {
                    ticks.tick().await;
                    if probe.check_async().await {
                        let _ = ready_tx.send(true).await;
                        return;
                    }
                }
            })
            .await;
        }));
        match timeout(timeout_after, ready_rx.recv()).await {
            Ok(Ok(_)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
