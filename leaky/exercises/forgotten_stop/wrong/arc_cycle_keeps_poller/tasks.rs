//! Wrong fix for the forgotten-stop exercise, task flavour:
//! `Drop` aborts the poller, which lives in an `Arc` its task shares.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! In full: the poller aborts its task in `Drop`, and lives in an `Arc` that its
//! task shares, so that the task can write its answer into the poller itself.
//!
//! Aborting in `Drop` is the fix, and the call no longer needs to remember `stop`.
//! But `Drop` runs when the last `Arc` goes, and the task holds one: the call's
//! `Arc` is dropped on return, the task's keeps the poller alive, the poller's
//! `Drop` never runs, and so the task is never aborted. A reference cycle through a
//! task is a leak like any other.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use checker::traced;
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
                // The poller is aborted when dropped, on every way out.
                return Err(TimedOut(timeout_after));
            }
        }
    }
}

/// Checks the service every tick in a task of its own, until dropped.
struct Poller {
    ready: AtomicBool,
    task: OnceLock<JoinHandle<()>>,
}

impl Poller {
    /// Starts polling; the task writes its answers into the poller it shares.
    fn start(probe: Probe, every: Duration) -> Arc<Self> {
        let poller = Arc::new(Poller {
            ready: AtomicBool::new(false),
            task: OnceLock::new(),
        });
        let shared = Arc::clone(&poller);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        let task = tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + every, every);
            loop {
                ticks.tick().await;
                if !shared.is_ready() {
                    let ready = probe.check_async().await;
                    shared.ready.store(ready, Ordering::Release);
                }
            }
        }));
        let _ = poller.task.set(task);
        poller
    }

    fn is_ready(&self) -> bool {
        self.ready.load(Ordering::Acquire)
    }
}

impl Drop for Poller {
    /// Stops the poller: its task is aborted.
    fn drop(&mut self) {
        if let Some(task) = self.task.get() {
            task.abort();
        }
    }
}
