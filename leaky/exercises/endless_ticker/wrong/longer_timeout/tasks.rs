//! Wrong fix for the endless-ticker exercise, task flavour: the timeout made 300 times longer.
//!
//! Breaks: a call returns by its deadline.
//!
//! With time enough, a check that passes late is still received. But the call no
//! longer returns by the deadline its caller asked for, and when the service never
//! comes up it waits 300 times too long while the task ticks. Tokio's paused clock
//! measures the wait.
//!
//! Endless ticker, task flavour: tokio tasks and `async-channel` channels.
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
        let (probe, period) = (self.probe.clone(), self.tick);
        // A channel for this call, with room for the one answer.
        let (ready_tx, ready_rx) = bounded(1);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            // LEAK: the only way out of this loop is a check that passes. If it
            // never does, the task ticks forever.
            loop {
                ticks.tick().await;
                if probe.check_async().await {
                    let _ = ready_tx.send(true).await;
                    return;
                }
            }
        }));
        // WRONG FIX: time enough for a service that is slow to come up.
        match timeout(timeout_after * 300, ready_rx.recv()).await {
            Ok(_) => Ok(()),
            Err(_) => Err(TimedOut(timeout_after)),
        }
    }
}
