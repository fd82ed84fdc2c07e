//! Wrong fix for the detached-handle exercise, task flavour:
//! the monitors spawned on a `JoinSet` kept by the watcher, and every return of
//! `wait_ready` calling `abort_all`, so that they do not pile up.
//!
//! Breaks: a call is answered ready once its own check passes.
//!
//! No handle is dropped, and the set never grows past the calls under way; but the
//! set is the watcher's, shared by every call: when one call times out and aborts
//! them all, it aborts the monitors of the calls still waiting too, and those calls
//! are told "not ready" though their service came up.
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
    // WRONG FIX: every monitor is the watcher's: none is detached.
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
        let answer = watch(&ready, self.tick, deadline, timeout_after).await;
        // WRONG FIX: whichever way the call ends, the monitors stop.
        self.monitors.lock().unwrap_or_else(PoisonError::into_inner).abort_all();
        answer
    }
}

/// Looks at the monitor's answer every tick, until it says ready or the deadline
/// comes.
async fn watch(
    ready: &AtomicBool,
    every: Duration,
    deadline: Instant,
    timeout_after: Duration,
) -> Result<(), TimedOut> {
    let mut ticks = interval(every);
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
