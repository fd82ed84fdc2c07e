//! Wrong fix for the blocking-pool exercise, task flavour:
//! a stop flag on the watcher, lowered when a call starts and raised by a guard
//! however it returns, which the blocking loop reads every tick.
//!
//! Breaks: a call is answered ready once its own check passes.
//!
//! The guard raises the flag on every way out, the dropped call's too, and with
//! one call at a time that stops the job right after its call; but the flag is the
//! watcher's, shared by every call: when one call times out and raises it, the job
//! of a call still waiting stops too, and that call is told "not ready" though its
//! service came up.
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
    // WRONG FIX: raised when a call is done, so that its job stops.
    stop: Arc<AtomicBool>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, stop: Arc::new(AtomicBool::new(false)) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        // WRONG FIX: a new call: the watcher is in use again; the guard raises
        // the flag when this call returns, however it returns.
        self.stop.store(false, Ordering::Release);
        let _stop_on_return = StopOnDrop(Arc::clone(&self.stop));
        let stop = Arc::clone(&self.stop);
        // The check blocks its thread: it runs on tokio's blocking pool.
        let job = tokio::task::spawn_blocking(move || {
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
