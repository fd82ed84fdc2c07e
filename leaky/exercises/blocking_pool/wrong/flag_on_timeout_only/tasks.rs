//! Wrong fix for the blocking-pool exercise, task flavour:
//! a pool of the watcher's own with a short keep-alive, and a stop flag the
//! blocking loop reads every tick, raised when the call times out.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! The pool and the flag are the two halves of the fix, and the timeout arm raises
//! the flag; but a caller that drops the future never reaches that arm: the flag
//! stays down, and a loop whose service never comes up keeps its pool thread for
//! ever.

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
        let stop = Arc::clone(&cancelled);
        let pool =
            self.pool.as_ref().expect("the pool lives as long as the watcher");
        let job = pool.spawn_blocking(move || {
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
            Ok(_) => Err(TimedOut(timeout_after)),
            Err(_) => {
                // Gave up: the job stops at its next tick.
                cancelled.store(true, Ordering::Release);
                Err(TimedOut(timeout_after))
            }
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
