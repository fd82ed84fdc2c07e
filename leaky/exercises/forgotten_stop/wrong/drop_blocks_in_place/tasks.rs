//! Wrong fix for the forgotten-stop exercise, task flavour:
//! `Drop` aborts the poller and waits for it with `block_in_place`.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! In full: the poller's `Drop` aborts its task and then waits for it to be gone,
//! with `block_in_place` and `Handle::block_on`, so that nothing is left when the
//! call returns.
//!
//! On a multi-thread runtime this even works: the thread steps out of the scheduler
//! and waits for the aborted task. But `block_in_place` panics on a current-thread
//! runtime (and blocking in `Drop` is no place to wait anyway): the call's own
//! `Drop` panics, every call on such a runtime fails with it, and what was meant to
//! stop the poller takes the caller down instead.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use checker::traced;
use tokio::runtime::Handle;
use tokio::task::JoinHandle;
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
        let poller = Poller::start(self.probe.clone(), self.tick);
        let mut ticks = interval(self.tick);
        loop {
            ticks.tick().await;
            if poller.is_ready() {
                return Ok(());
            }
            if Instant::now() >= deadline {
                // The poller is stopped, and waited for, when dropped.
                return Err(TimedOut(timeout_after));
            }
        }
    }
}

/// Checks the service every tick in a task of its own, until dropped.
struct Poller {
    ready: Arc<AtomicBool>,
    task: JoinHandle<()>,
}

impl Poller {
    /// Starts polling. Dropping the poller stops it.
    fn start(probe: Probe, every: Duration) -> Self {
        let ready = Arc::new(AtomicBool::new(false));
        let ready_flag = Arc::clone(&ready);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        let task = tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + every, every);
            loop {
                ticks.tick().await;
                if !ready_flag.load(Ordering::Acquire) {
                    let ready = probe.check_async().await;
                    ready_flag.store(ready, Ordering::Release);
                }
            }
        }));
        Self { ready, task }
    }

    fn is_ready(&self) -> bool {
        self.ready.load(Ordering::Acquire)
    }
}

impl Drop for Poller {
    /// Aborts the task, and waits until it is gone.
    fn drop(&mut self) {
        self.task.abort();
        let task = &mut self.task;
        tokio::task::block_in_place(|| {
            let _ = Handle::current().block_on(task);
        });
    }
}
