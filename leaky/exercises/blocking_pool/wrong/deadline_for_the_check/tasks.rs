//! Wrong fix for the blocking-pool exercise, task flavour: each check given the call's deadline.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! Each check now gives up at the call's deadline, so a check cannot block the
//! pool's thread past it. But that bounds one check, not the loop: after the
//! deadline each check gives up at once, and the job loops on, checking for ever,
//! when the service never comes up.
//!
//! Blocking pool, task flavour: tokio's `spawn_blocking` under a `timeout`.
//!
//! The blocking loop ticks with crossbeam's `tick`, and the caller races the job
//! against tokio's `timeout`.

use std::time::{Duration, Instant};

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
        let deadline = Instant::now() + timeout_after;
        // The check blocks its thread: it runs on tokio's blocking pool.
        let job = tokio::task::spawn_blocking(move || {
            // LEAK: nothing in this loop looks for a reason to stop. When the
            // caller's timeout drops the handle, the loop runs on, forever.
            for _ in ticks {
                // WRONG FIX: no check runs past the call's deadline.
                if probe.check_until(deadline) == Some(true) {
                    return true;
                }
            }
            false
        });
        match timeout(timeout_after, job).await {
            Ok(Ok(true)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
