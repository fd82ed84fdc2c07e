//! Wrong fix for the detached-handle exercise, task flavour:
//! the handles kept in a field of the watcher.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! If dropping the handle detaches the monitor, then keep the handle: the watcher
//! stores every monitor's handle, and nothing is detached while it lives. But
//! holding a handle does not stop anything: nobody aborts or awaits these, and the
//! monitors tick on, each for ever, while the handles pile up.
//!
//! Detached handle, task flavour: a tokio task monitor and its `JoinHandle`.
//!
//! The monitor ticks with tokio's `interval` and keeps in an atomic flag whether a
//! check has passed; the caller looks at the flag on its own ticks until its deadline.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use checker::traced;
use tokio::task::JoinHandle;
use tokio::time::{Instant, interval, interval_at};
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // WRONG FIX: every monitor's handle, kept while the watcher lives.
    monitors: Mutex<Vec<JoinHandle<()>>>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, monitors: Mutex::default() }
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
        // LEAK: the handle is kept, as if that kept hold of the monitor. When it is
        // dropped, at the end of this call, the task is detached and runs on.
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        let monitor = tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + every, every);
            loop {
                ticks.tick().await;
                flag.fetch_or(probe.check_async().await, Ordering::Release);
            }
        }));
        self.monitors.lock().unwrap_or_else(PoisonError::into_inner).push(monitor);
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
