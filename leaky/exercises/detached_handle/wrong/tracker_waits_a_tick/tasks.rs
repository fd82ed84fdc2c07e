//! Wrong fix for the detached-handle exercise, task flavour:
//! a `TaskTracker` the call closes and waits for, but only for a tick.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! In full: the monitor is spawned on a `TaskTracker`, and the call closes the
//! tracker and waits for it, but only for a tick, so that a slow monitor cannot
//! hold it up.
//!
//! Waiting on a tracker is how a call makes sure its tasks are gone, and bounding
//! the wait keeps the call on time. But nothing tells the monitor to stop:
//! `close()` only says no more tasks will be added, and `wait()` only waits. The
//! monitor's loop never ends on its own, the tick runs out every time, and the
//! monitor runs on, detached in all but name.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use checker::traced;
use tokio::time::{Instant, interval, interval_at, timeout};
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
        let tracker = TaskTracker::new();
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tracker.spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + every, every);
            loop {
                ticks.tick().await;
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
        // Wait for the monitor to finish, but never more than a tick.
        tracker.close();
        let _ = timeout(self.tick, tracker.wait()).await;
        answer
    }
}
