//! Wrong fix for the detached-handle exercise, task flavour:
//! a `TaskTracker` and a `CancellationToken`: the monitor looks at the token every
//! tick, and the call cancels it and waits on the tracker until the monitor has
//! ended.
//!
//! Breaks: a call returns by its deadline.
//!
//! Cancel-then-wait is the textbook graceful shutdown, and after an answer it is
//! quick; but the monitor sees the token only between checks, and the call waits
//! for it: at the deadline it is mid-check, and the caller is held until that check
//! is done.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use checker::traced;
use tokio::time::{Instant, interval, interval_at};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
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
        let (tracker, cancel) = (TaskTracker::new(), CancellationToken::new());
        // However the call ends, the monitor is told to stop.
        let _cancel_on_return = cancel.clone().drop_guard();
        let stop = cancel.clone();
        tracker.spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + every, every);
            loop {
                ticks.tick().await;
                // Let a check finish cleanly: stop between checks.
                if stop.is_cancelled() {
                    return;
                }
                flag.fetch_or(probe.check_async().await, Ordering::Release);
            }
        }));
        let mut ticks = interval(self.tick);
        let answer = loop {
            ticks.tick().await;
            if ready.load(Ordering::Acquire) {
                break Ok(());
            }
            if Instant::now() >= deadline {
                break Err(TimedOut(timeout_after));
            }
        };
        // Stop the monitor and wait until it has ended.
        cancel.cancel();
        tracker.close();
        tracker.wait().await;
        answer
    }
}
