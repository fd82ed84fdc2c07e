//! Right fix for the blocking-pool exercise, task flavour, written
//! differently from `fixed/`: the job stops at the call's deadline.
//!
//! Right: every job ends by the deadline, on a pool that lets its threads go.
//!
//! In full: no cancellation flag; the job carries the call's deadline, gives every
//! check that deadline, and stops there, on a pool of the watcher's own whose idle
//! threads leave after a tick.
//!
//! Why: an answered call's job has returned; any other job ends at the deadline at
//! the latest, the check in flight included, which is when a timed-out call
//! returns, and a dropped call's future may leave it no longer than that; the pool
//! lets its idle thread go a tick later and is shut down without waiting when the
//! watcher goes, so dropping the watcher inside async code does not panic.

use std::time::{Duration, Instant};

use crossbeam_channel::tick;
use tokio::runtime::{Builder, Runtime};
use tokio::time::timeout;
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
        let job = pool.spawn_blocking(move || {
            for _ in ticks {
                if Instant::now() >= deadline {
                    return false;
                }
                match probe.check_until(deadline) {
                    Some(true) => return true,
                    Some(false) => {}
                    // The deadline came during the check.
                    None => return false,
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

impl Drop for Watcher {
    fn drop(&mut self) {
        // Dropping a runtime waits for its threads, which async code must not do.
        if let Some(pool) = self.pool.take() {
            pool.shutdown_background();
        }
    }
}
