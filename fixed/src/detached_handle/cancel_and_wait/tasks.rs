//! Detached handle, task flavour: a tokio task monitor, tracked by a `TaskTracker`.
//!
//! The monitor ticks with tokio's `interval` and keeps in an atomic flag whether a
//! check has passed; the caller looks at the flag on its own ticks until its deadline.

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
        // FIX: the monitor is tracked, and runs until the token is cancelled. The
        // guard cancels it however this call ends; the call waits for it below.
        let (tracker, cancel) = (TaskTracker::new(), CancellationToken::new());
        let _cancel_on_return = cancel.clone().drop_guard();
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tracker.spawn(traced(cancel.clone().run_until_cancelled_owned(
            async move {
                let mut ticks = interval_at(Instant::now() + every, every);
                loop {
                    ticks.tick().await;
                    flag.fetch_or(probe.check_async().await, Ordering::Release);
                }
            },
        )));
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
        // FIX: cancel, then wait until every tracked task has ended.
        cancel.cancel();
        tracker.close();
        tracker.wait().await;
        answer
    }
}
