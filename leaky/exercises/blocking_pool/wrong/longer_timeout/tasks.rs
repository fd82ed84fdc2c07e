//! Wrong fix for the blocking-pool exercise, task flavour: the timeout made 300 times longer.
//!
//! Breaks: a call returns by its deadline.
//!
//! With time enough, the blocking check finishes before the timeout fires, and no
//! job is left behind on the pool. But the call no longer returns by the deadline
//! its caller asked for: it waits for a slow check, and when the service never
//! comes up it waits 300 times too long while the job loops.
//!
//! Blocking pool, task flavour: tokio's `spawn_blocking` under a `timeout`.
//!
//! The blocking loop ticks with crossbeam's `tick`, and the caller races the job
//! against tokio's `timeout`.

use std::time::Duration;

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
        // The check blocks its thread: it runs on tokio's blocking pool.
        let job = tokio::task::spawn_blocking(move || {
            // LEAK: nothing in this loop looks for a reason to stop. When the
            // caller's timeout drops the handle, the loop runs on, forever.
            for _ in ticks {
                if probe.check() {
                    return true;
                }
            }
            false
        });
        // WRONG FIX: time enough for the slowest check.
        match timeout(timeout_after * 300, job).await {
            Ok(Ok(true)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
