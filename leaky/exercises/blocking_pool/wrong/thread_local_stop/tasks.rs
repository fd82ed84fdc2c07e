//! Wrong fix for the blocking-pool exercise, task flavour:
//! a stop flag per calling thread, made once in a `thread_local!` rather than an
//! `Arc` per call: lowered when a call starts, raised by a guard however it
//! returns, and read by the blocking loop every tick.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! A thread's calls follow one another, so the flag looks like the call's own; but
//! the job is not done when its call is: a job still in a check when its call gives
//! up reads the flag after it, and by then the thread's next call may have lowered
//! it again. That job then checks on through the whole of the next call, one job
//! more with every call that times out and is followed at once by another.
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

thread_local! {
    // WRONG FIX: the caller's stop flag, made once per thread.
    static STOP: Arc<AtomicBool> = Arc::new(AtomicBool::new(false));
}

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
        // WRONG FIX: this thread's flag, lowered for this call; the guard raises
        // it when the call returns, however it returns.
        let stop = STOP.with(Arc::clone);
        stop.store(false, Ordering::Release);
        let _stop_on_return = StopOnDrop(Arc::clone(&stop));
        // The check blocks its thread: it runs on tokio's blocking pool.
        let job = tokio::task::spawn_blocking(move || {
            for _ in ticks {
                // The loop looks for its reason to stop, each tick.
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
