//! Wrong fix for the blocking-pool exercise, task flavour:
//! a cancellation flag the call raises when its timeout fires.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! In full: a pool of the watcher's own with a short keep-alive, and a cancellation
//! flag the job reads at every tick, raised by the call when its timeout fires.
//!
//! Every return is covered: an answered call's job has returned already, and a
//! timed out call raises the flag before it returns. But a future can also be
//! dropped by its caller, at its `.await`: then no branch runs, the flag stays
//! down, and a job whose service never comes up checks on, forever, on a thread of
//! the watcher's pool.

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
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        let cancelled = Arc::new(AtomicBool::new(false));
        let cancel = Arc::clone(&cancelled);
        let pool =
            self.pool.as_ref().expect("the pool lives as long as the watcher");
        let job = pool.spawn_blocking(move || {
            for _ in ticks {
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
            Ok(_) => Err(TimedOut(timeout_after)),
            Err(_) => {
                // Timed out: the job is still looping. Tell it to stop.
                cancel.store(true, Ordering::Release);
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
