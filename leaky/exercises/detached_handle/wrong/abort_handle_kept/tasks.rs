//! Wrong fix for the detached-handle exercise, task flavour:
//! keep the monitor's `AbortHandle` for the length of the call instead of its
//! `JoinHandle`, so that the monitor is aborted when the handle goes.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! An `AbortHandle` sounds like the handle that aborts, and holding it to the end
//! of the call looks like tying the monitor to the call; but it aborts only when
//! `abort()` is called: dropped, it does nothing, and the monitor runs on,
//! detached, for ever.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use checker::traced;
use tokio::time::{Instant, interval, interval_at};
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
        // The abort handle lives as long as this call, and the monitor with it.
        let _monitor = tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + every, every);
            loop {
                ticks.tick().await;
                flag.fetch_or(probe.check_async().await, Ordering::Release);
            }
        }))
        .abort_handle();
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
