//! Wrong fix for the blocking-pool exercise, task flavour:
//! a stop flag a guard raises however the call ends, and at the deadline 50 ms
//! more for the job, in case its check is about to pass.
//!
//! Breaks: a call returns by its deadline.
//!
//! The job stops with its call, as in the fix, and an answer that was nearly in is
//! not wasted; but the caller asked to give up at its deadline, not 50 ms after it:
//! when the service is slow, every call comes back late, and a caller that budgets
//! its own time misses its deadline because of this one.
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

/// How long past its deadline a call waits for a check that is under way.
const GRACE: Duration = Duration::from_millis(50);

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
        // WRONG FIX: a flag the guard raises when this call returns, however it
        // returns.
        let stop = Arc::new(AtomicBool::new(false));
        let _stop_on_return = StopOnDrop(Arc::clone(&stop));
        // The check blocks its thread: it runs on tokio's blocking pool.
        let mut job = tokio::task::spawn_blocking(move || {
            for _ in ticks {
                // WRONG FIX: the loop looks for its reason to stop, each tick.
                if stop.load(Ordering::Acquire) {
                    return false;
                }
                if probe.check() {
                    return true;
                }
            }
            false
        });
        let answer = match timeout(timeout_after, &mut job).await {
            Ok(answer) => answer,
            // WRONG FIX: a check may be just about to pass: give it a moment,
            // rather than throw its answer away.
            Err(_) => timeout(GRACE, job).await.unwrap_or(Ok(false)),
        };
        match answer {
            Ok(true) => Ok(()),
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
