//! Right fix for the blocking-pool exercise, task flavour, written differently from
//! `fixed/`: a stop flag raised on every return, on tokio's own pool.
//!
//! Right: the job looks at the flag every tick, and a guard raises it however the call
//! ends (answered, timed out, or dropped by its caller), so the loop ends within a tick
//! of its call. What is left is tokio's idle blocking thread, which the runtime keeps for
//! its keep-alive (10 s by default) and hands the next job: the runtime's, not the
//! call's, and not one per call.
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
        // A flag the guard raises when this call returns, however it returns.
        let stop = Arc::new(AtomicBool::new(false));
        let _stop_on_return = StopOnDrop(Arc::clone(&stop));
        // The check blocks its thread: it runs on tokio's blocking pool.
        let job = tokio::task::spawn_blocking(move || {
            // The loop looks for its reason to stop, each tick.
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
