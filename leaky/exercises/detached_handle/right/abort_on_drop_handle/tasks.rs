//! Right fix for the detached-handle exercise, task flavour, written
//! differently from `fixed/`: the monitor's `JoinHandle` wrapped in tokio-util's
//! `AbortOnDropHandle`, kept for the length of the call.
//!
//! Right: unlike a `JoinHandle` (or an `AbortHandle`), this handle aborts its task
//! when dropped, and the call drops it on every way out (answered, timed out, or
//! the future dropped): the monitor is aborted at its next `.await`, mid-tick or
//! mid-check.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use checker::traced;
use tokio::time::{Instant, interval, interval_at};
use tokio_util::task::AbortOnDropHandle;
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
        let deadline = Instant::now() + timeout_after;
        let ready = Arc::new(AtomicBool::new(false));
        let (probe, every, flag) =
            (self.probe.clone(), self.tick, Arc::clone(&ready));
        // Dropped at the end of this call, however it ends: the monitor is aborted.
        let _monitor = AbortOnDropHandle::new(tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + every, every);
            loop {
                ticks.tick().await;
                flag.fetch_or(probe.check_async().await, Ordering::Release);
            }
        })));
        let mut ticks = interval(self.tick);
        loop {
            ticks.tick().await;
            if ready.load(Ordering::Acquire) {
                return Ok(());
            }
            if Instant::now() >= deadline {
                return Err(TimedOut(timeout_after));
            }
        }
    }
}
