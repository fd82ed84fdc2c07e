//! Wrong fix for the blocking-pool exercise, task flavour:
//! the flag and the pool of the fix, with the pool shut down in the watcher's
//! `Drop` by `shutdown_timeout(tick)`: a tick is all a stopped job needs to end.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! Giving the jobs their tick before letting go looks more careful than
//! `shutdown_background`; but a shutdown that waits is a blocking wait, and a
//! watcher dropped in async code panics there ("Cannot drop a runtime in a context
//! where blocking is not allowed").

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
            _ => Err(TimedOut(timeout_after)),
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

// Give the jobs a tick to see their flag, then let go.
impl Drop for Watcher {
    fn drop(&mut self) {
        if let Some(pool) = self.pool.take() {
            pool.shutdown_timeout(self.tick);
        }
    }
}
