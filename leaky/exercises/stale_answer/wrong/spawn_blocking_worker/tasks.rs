//! Wrong fix for the stale-answer exercise, task flavour:
//! a channel per call, so that a late answer lands where no later call looks, with
//! the worker moved to `spawn_blocking` and the probe's blocking check, so that a
//! slow check never holds up the runtime.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! The stale answer is fixed, and a task count shows nothing left behind, because a
//! blocking job is not a task; but it is a thread, and nothing stops it: when the
//! service never comes up, its loop, and its thread, go on for ever.

use std::time::Duration;

use async_channel::bounded;
use crossbeam_channel::tick;
use tokio::time::timeout;
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
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        // A channel for this call, with room for its one answer.
        let (ready_tx, ready_rx) = bounded(1);
        tokio::task::spawn_blocking(move || {
            for _ in ticks {
                if probe.check() {
                    let _ = ready_tx.try_send(true);
                    return;
                }
            }
        });
        match timeout(timeout_after, ready_rx.recv()).await {
            Ok(Ok(_)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
