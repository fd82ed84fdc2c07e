//! Wrong fix for the blocking-pool exercise, task flavour: the job's `JoinHandle` aborted when the timeout fires.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! `JoinHandle::abort` is how a tokio task is stopped, so the call aborts the job
//! when it gives up. But a `spawn_blocking` job is no task: once it has started,
//! abort cannot reach it, for tokio cannot interrupt a thread. The loop runs on, on
//! a thread of the pool, for ever when the service never comes up.
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
        let mut job = tokio::task::spawn_blocking(move || {
            // LEAK: nothing in this loop looks for a reason to stop. When the
            // caller's timeout drops the handle, the loop runs on, forever.
            for _ in ticks {
                if probe.check() {
                    return true;
                }
            }
            false
        });
        match timeout(timeout_after, &mut job).await {
            Ok(Ok(true)) => Ok(()),
            _ => {
                // WRONG FIX: a call that gives up aborts its job.
                job.abort();
                Err(TimedOut(timeout_after))
            }
        }
    }
}
