//! Wrong fix for the blocking-pool exercise, task flavour: a stop flag, read once before the loop.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! The job is given a stop flag, set when the call gives up, and looks at it before
//! it starts: a call that has gone starts no checks. But the job reads it once,
//! before the loop, when the call has only just begun and the flag is never set
//! yet; in the loop it never looks again, and checks for ever when the service
//! never comes up.
//!
//! Blocking pool, task flavour: tokio's `spawn_blocking` under a `timeout`.
//!
//! The blocking loop ticks with crossbeam's `tick`, and the caller races the job
//! against tokio's `timeout`.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
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
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        // The check blocks its thread: it runs on tokio's blocking pool.
        let job = tokio::task::spawn_blocking(move || {
            // WRONG FIX: a call that has gone starts no checks.
            if stopped.load(Ordering::Acquire) {
                return false;
            }
            // LEAK: nothing in this loop looks for a reason to stop. When the
            // caller's timeout drops the handle, the loop runs on, forever.
            for _ in ticks {
                if probe.check() {
                    return true;
                }
            }
            false
        });
        match timeout(timeout_after, job).await {
            Ok(Ok(true)) => Ok(()),
            _ => {
                stop.store(true, Ordering::Release);
                Err(TimedOut(timeout_after))
            }
        }
    }
}
