//! Wrong fix for the detached-handle exercise, task flavour:
//! the monitor is given the call's deadline and stops ticking once it has passed.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! A call that times out leaves nothing after its deadline; but a call answered
//! early returns at once while its monitor, knowing nothing of the answer, goes on
//! checking until the deadline, and so does the monitor of a call whose future was
//! dropped.

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
        // Detached, but no longer for ever: it stops at the deadline.
        tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + every, every);
            loop {
                if ticks.tick().await >= deadline {
                    return;
                }
                flag.fetch_or(probe.check_async().await, Ordering::Release);
            }
        }));
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
