//! Wrong fix for the blocking-pool exercise, task flavour: a stop flag on timeout.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! The blocking loop looks at a stop flag each tick, on a pool of its own, and the flag
//! goes up when the timeout fires. But a caller may drop the call before that: an outer
//! `timeout`, a `select!`. Then no arm runs, the flag stays down, and the job loops on.
//! Raise it in a guard's `Drop`, which runs however the call ends.
//!
//! Blocking pool, task flavour: tokio's `spawn_blocking` under a `timeout`.
//!
//! The blocking loop ticks with crossbeam's `tick`, and the caller races the job
//! against tokio's `timeout`.

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
    // FIX: a blocking pool of its own, whose idle threads go after one tick
    // rather than tokio's 10 s, and which is shut down with the watcher.
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
        // FIX: a flag the guard raises when this call returns, however it returns.
        let cancelled = Arc::new(AtomicBool::new(false));
        // WRONG FIX: the flag goes up in the timeout arm below, and nowhere else.
        let stop = Arc::clone(&cancelled);
        // The check blocks its thread: it runs on a blocking pool.
        let pool =
            self.pool.as_ref().expect("the pool lives as long as the watcher");
        let job = pool.spawn_blocking(move || {
            for _ in ticks {
                // FIX: the loop looks for its reason to stop, each tick.
                if cancelled.load(Ordering::Acquire) {
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
            _ => {
                stop.store(true, Ordering::Release);
                Err(TimedOut(timeout_after))
            }
        }
    }
}

// FIX: a shutdown that does not wait. Dropping a runtime waits for its blocking jobs,
// and inside async code it panics rather than block: let them end on their own (each
// stops within a tick and a check of its flag going up) and return at once.
impl Drop for Watcher {
    fn drop(&mut self) {
        if let Some(pool) = self.pool.take() {
            pool.shutdown_background();
        }
    }
}
