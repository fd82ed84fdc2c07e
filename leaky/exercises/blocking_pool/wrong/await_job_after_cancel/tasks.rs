//! Wrong fix for the blocking-pool exercise, task flavour:
//! a pool of the watcher's own, a stop flag raised by a guard however the call
//! ends, and on a timeout an `.await` of the job after raising it, to be sure it
//! ended.
//!
//! Breaks: a call returns by its deadline.
//!
//! Waiting for what you stopped is good manners, and the flag is seen within a
//! tick; but only between checks: at the deadline the job is inside a blocking
//! `check()`, and the caller, awaiting the job, is held until that check is done.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossbeam_channel::tick;
use tokio::runtime::{Builder, Runtime};
use tokio::time::timeout;
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // A blocking pool of our own: its idle threads go after a tick.
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
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        let cancelled = Arc::new(AtomicBool::new(false));
        let _cancel_on_return = CancelOnDrop(Arc::clone(&cancelled));
        let stop = Arc::clone(&cancelled);
        let pool =
            self.pool.as_ref().expect("the pool lives as long as the watcher");
        let mut job = pool.spawn_blocking(move || {
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
        match timeout(timeout_after, &mut job).await {
            Ok(Ok(true)) => Ok(()),
            Ok(_) => Err(TimedOut(timeout_after)),
            Err(_) => {
                // Stop the job, and wait for it: no thread left busy behind us.
                cancelled.store(true, Ordering::Release);
                let _ = job.await;
                Err(TimedOut(timeout_after))
            }
        }
    }
}

/// Raises the flag when dropped.
struct CancelOnDrop(Arc<AtomicBool>);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Release);
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        if let Some(pool) = self.pool.take() {
            pool.shutdown_background();
        }
    }
}
