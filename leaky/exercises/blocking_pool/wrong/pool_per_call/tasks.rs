//! Wrong fix for the blocking-pool exercise, task flavour:
//! a blocking pool per call, shut down with `shutdown_background` as soon as the
//! call is answered or gives up, to take the job down with it.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! Shutting down the runtime that runs the job sounds final; but a shutdown does
//! not stop a blocking job that has started (nothing can), it only stops waiting
//! for it: the loop, service never up, keeps its thread for ever.

use std::time::Duration;

use crossbeam_channel::tick;
use tokio::runtime::Builder;
use tokio::time::timeout;
use workshop::{Probe, TimedOut};

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
        // This call's own pool: shut down when the call is done, job and all.
        let pool = Builder::new_current_thread()
            .thread_name("ready-blocking")
            .thread_keep_alive(self.tick)
            .build()
            .expect("the OS refused to start a runtime");
        let job = pool.spawn_blocking(move || {
            for _ in ticks {
                if probe.check() {
                    return true;
                }
            }
            false
        });
        let answer = match timeout(timeout_after, job).await {
            Ok(Ok(true)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        };
        pool.shutdown_background();
        answer
    }
}
