//! Wrong fix for the endless-ticker exercise, task flavour: a stop flag, looked at once a check passes.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! The task now has a stop flag, set when the call returns, and looks at it before
//! it sends, so that it does not answer a call that has gone. But it looks only
//! after a check passes: when the service never comes up, no check passes, the flag
//! is never read, and the task ticks on for ever. (And a dropped call never sets
//! it.)
//!
//! Endless ticker, task flavour: tokio tasks and `async-channel` channels.
//!
//! The worker ticks with tokio's `interval`, and the caller races the worker's
//! answer against tokio's `timeout`, just as the Go code does with `select`.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
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
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            // LEAK: the only way out of this loop is a check that passes. If it
            // never does, the task ticks forever.
            loop {
                ticks.tick().await;
                if probe.check_async().await {
                    // WRONG FIX: a call that has gone is not answered.
                    if stopped.load(Ordering::Acquire) {
                        return;
                    }
                    let _ = ready_tx.send(true).await;
                    return;
                }
            }
        }));
        let answer = match timeout(timeout_after, ready_rx.recv()).await {
            Ok(_) => Ok(()),
            Err(_) => Err(TimedOut(timeout_after)),
        };
        // WRONG FIX: the task is told to stop.
        stop.store(true, Ordering::Release);
        answer
    }
}
