//! Right fix for the blocking-pool exercise, task flavour, written
//! differently from `fixed/`: a blocking pool of the watcher's own (idle threads
//! kept one tick, shut down in the background with the watcher), and a blocking
//! loop that waits on its ticks and on a per-call cancellation in a
//! `select_biased!`.
//!
//! Right: the cancellation's sender is dropped on every way out of the call, and
//! the loop hears it at its next wait, so a job ends within the check in flight;
//! its thread then goes back to a pool that lets it go after a tick, and the
//! watcher's `Drop` does not block (`shutdown_background`), so dropping it in async
//! code is fine.

use std::time::Duration;

use crossbeam_channel::{bounded, select_biased, tick};
use tokio::runtime::{Builder, Runtime};
use tokio::time::timeout;
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // Our own blocking pool: its idle threads go after a tick, not tokio's 10 s.
    pool: Option<Runtime>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        let pool = Builder::new_current_thread()
            .thread_name("ready-blocking")
            .thread_keep_alive(tick)
            .build()
            .unwrap_or_else(|e| panic!("the OS refused to start a runtime: {e}"));
        Self { probe, tick, pool: Some(pool) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        // Never sent on: dropped when this call ends, however it ends.
        let (_cancel, cancelled) = bounded::<()>(0);
        let Some(pool) = self.pool.as_ref() else {
            return Err(TimedOut(timeout_after));
        };
        let job = pool.spawn_blocking(move || {
            loop {
                select_biased! {
                    recv(cancelled) -> _ => return false,
                    recv(ticks) -> _ => {}
                }
                if probe.check() {
                    return true;
                }
            }
        });
        match timeout(timeout_after, job).await {
            Ok(Ok(true)) => Ok(()),
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
