//! Wrong fix for the blocking-pool exercise, task flavour:
//! no loop on the blocking pool at all: each call runs one blocking check there, a
//! tick after it starts, under its timeout, on a pool of the watcher's own.
//!
//! Breaks: a call is answered ready once its own check passes.
//!
//! A job with no loop ends with its check, so nothing is left looping, and a
//! service that is up is seen at once; but one check is all a call ever gets: a
//! service that comes up on a later check, well within the call's time, is never
//! seen, and the call times out.

use std::thread;
use std::time::Duration;

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
        let (probe, every) = (self.probe.clone(), self.tick);
        let pool =
            self.pool.as_ref().expect("the pool lives as long as the watcher");
        // One check, and the job is done: nothing to stop.
        let job = pool.spawn_blocking(move || {
            thread::sleep(every);
            probe.check()
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
