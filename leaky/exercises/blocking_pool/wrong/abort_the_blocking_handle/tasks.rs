//! Wrong fix for the blocking-pool exercise, task flavour:
//! a guard that calls `abort()` on the blocking job's handle.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! In full: a guard that calls `abort()` on the blocking job's handle when the call
//! returns, however it returns, as one does for a task.
//!
//! For a task spawned with `tokio::spawn` this is the whole fix, and the guard even
//! covers a dropped future. But a job on the blocking pool runs on a thread of its
//! own, and `abort` can only stop a job that has not started yet: once it runs, it
//! runs to the end, and this loop ends only when a check passes. The handle reports
//! it cancelled; the thread checks on, forever.

use std::time::Duration;

use crossbeam_channel::tick;
use tokio::task::AbortHandle;
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
            for _ in ticks {
                if probe.check() {
                    return true;
                }
            }
            false
        });
        // Aborted when this call returns, however it returns.
        let _abort_on_return = AbortOnDrop(job.abort_handle());
        match timeout(timeout_after, job).await {
            Ok(Ok(true)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}

/// Aborts its job when dropped.
struct AbortOnDrop(AbortHandle);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}
