//! Wrong fix for the blocking-pool exercise, task flavour: a stop flag raised on every return, on tokio's own pool.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! The job now looks at a stop flag every tick, and a guard raises it however the
//! call returns: the loop ends within a tick of the call. But the job runs on
//! tokio's shared blocking pool, which keeps an idle thread for 10 s after its last
//! job: every call leaves a thread behind it, waiting for work that never comes.
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
        // WRONG FIX: a flag the guard raises when this call returns.
        let stop = Arc::new(AtomicBool::new(false));
        let _stop_on_return = StopOnDrop(Arc::clone(&stop));
        // The check blocks its thread: it runs on tokio's blocking pool.
        let job = tokio::task::spawn_blocking(move || {
            // LEAK: nothing in this loop looks for a reason to stop. When the
            // caller's timeout drops the handle, the loop runs on, forever.
            for _ in ticks {
                if stop.load(Ordering::Acquire) {
                    return false;
                }
                if probe.check() {
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

/// Raises the flag when dropped.
struct StopOnDrop(Arc<AtomicBool>);

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Release);
    }
}
