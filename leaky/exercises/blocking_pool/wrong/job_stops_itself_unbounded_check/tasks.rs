//! Wrong fix for the blocking-pool exercise, task flavour:
//! a job that stops at the deadline by itself, awaited with no `timeout`.
//!
//! Breaks: a call returns by its deadline.
//!
//! In full: a pool of the watcher's own, and a job that stops at the call's
//! deadline by itself, so the call simply awaits the job, with no `timeout` to drop
//! its handle.
//!
//! With no timeout, no handle is dropped and no job is orphaned: the job's end is
//! the call's end, and nothing outlives the call. But the job looks at the deadline
//! only between checks, and `probe.check()` has no deadline of its own: a check
//! under way at the deadline holds the job, and the call that awaits it, until the
//! check is done, however slow.

use std::time::{Duration, Instant};

use crossbeam_channel::tick;
use tokio::runtime::{Builder, Runtime};
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    /// The blocking pool the jobs run on; idle threads leave after a tick.
    pool: Option<Runtime>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        let pool = Builder::new_current_thread()
            .thread_name("ready-blocking")
            .thread_keep_alive(tick)
            .build()
            .expect("the OS refused to start a runtime");
        Self { probe, tick, pool: Some(pool) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let deadline = Instant::now() + timeout_after;
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        let pool =
            self.pool.as_ref().expect("the pool lives as long as the watcher");
        // The job gives up at the deadline by itself: nothing to cancel.
        let job = pool.spawn_blocking(move || {
            for now in ticks {
                if now >= deadline {
                    return false;
                }
                if probe.check() {
                    return true;
                }
            }
            false
        });
        match job.await {
            Ok(true) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        if let Some(pool) = self.pool.take() {
            pool.shutdown_background();
        }
    }
}
