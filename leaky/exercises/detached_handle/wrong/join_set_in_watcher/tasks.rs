//! Wrong fix for the detached-handle exercise, task flavour:
//! the monitors spawned on a `JoinSet` kept by the watcher.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! A `JoinSet` aborts its tasks when it is dropped, so the monitors are spawned on
//! one the watcher keeps: nothing is detached any more. But the set is dropped with
//! the watcher, not with the call, and the watcher is built once and asked many
//! times: every call's monitor ticks on, for as long as the watcher lives.
//!
//! Detached handle, task flavour: a tokio task monitor and its `JoinHandle`.
//!
//! The monitor ticks with tokio's `interval` and keeps in an atomic flag whether a
//! check has passed; the caller looks at the flag on its own ticks until its deadline.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use checker::traced;
use tokio::task::JoinSet;
use tokio::time::{Instant, interval, interval_at};
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // WRONG FIX: the monitors belong to a set that aborts them when dropped.
    monitors: Mutex<JoinSet<()>>,
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
        let monitor = traced(async move {
            let mut ticks = interval_at(Instant::now() + every, every);
            loop {
                ticks.tick().await;
                flag.fetch_or(probe.check_async().await, Ordering::Release);
            }
        });
        self.monitors.lock().unwrap_or_else(PoisonError::into_inner).spawn(monitor);
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
