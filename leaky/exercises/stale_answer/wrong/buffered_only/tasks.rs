//! Wrong fix for the stale-answer exercise, task flavour: a channel per call, unbounded.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! A channel per call means an answer can only reach the call that asked, and an
//! unbounded one means a late answer never waits: nothing is stale, nothing is
//! stuck. But the task still has one way out of its loop, a check that passes: when
//! the service never comes up, it ticks on after its call has gone, for ever.
//!
//! Stale answer, task flavour: tokio tasks and `async-channel` channels.
//!
//! The worker ticks with tokio's `interval`, and the caller races the worker's
//! answer against tokio's `timeout`, just as the Go code does with `select`.

use std::time::Duration;

use async_channel::unbounded;
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
        // WRONG FIX: a channel for this call only.
        let (ready_tx, ready_rx) = unbounded();
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                if probe.check_async().await {
                    let _ = ready_tx.send(true).await;
                    return;
                }
            }
        }));
        // WRONG: the first answer in the channel is taken, whichever call it was
        // meant for.
        match timeout(timeout_after, ready_rx.recv()).await {
            Ok(_) => Ok(()),
            Err(_) => Err(TimedOut(timeout_after)),
        }
    }
}
