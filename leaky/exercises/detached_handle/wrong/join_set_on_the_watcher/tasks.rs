//! Wrong fix for the detached-handle exercise, task flavour:
//! the monitors are spawned into one `JoinSet` the watcher owns.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! In full: the monitors are spawned into one `JoinSet` the watcher owns, so that
//! none is ever detached: dropping the watcher aborts them all.
//!
//! A `JoinSet` is the tool the hints name, and owned by the watcher it does end
//! every monitor, in the end. But its owner decides when: the watcher lives across
//! many calls, so each call's monitor runs on after the call returns, checking for
//! nobody, until the watcher is dropped; the set grows by a monitor with every
//! call.

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
    /// Every monitor, aborted when the watcher is dropped.
    monitors: Mutex<JoinSet<()>>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, monitors: Mutex::new(JoinSet::new()) }
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
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        self.monitors.lock().unwrap_or_else(PoisonError::into_inner).spawn(traced(
            async move {
                let mut ticks = interval_at(Instant::now() + every, every);
                loop {
                    ticks.tick().await;
                    flag.fetch_or(probe.check_async().await, Ordering::Release);
                }
            },
        ));
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
