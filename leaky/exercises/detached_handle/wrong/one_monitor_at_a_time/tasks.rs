//! Wrong fix for the detached-handle exercise, task flavour:
//! the monitor in a `JoinSet` owned by the call, and an async lock on the watcher
//! so that only one monitor at a time checks the slow service.
//!
//! Breaks: a call returns by its deadline.
//!
//! Every monitor is aborted with its call's set, and the service never sees two
//! monitors at once; but a call now waits for the lock before its own time starts:
//! calls made together are answered one after another, and the second comes back a
//! whole timeout after its deadline.
//!
//! Detached handle, task flavour: a tokio task monitor and its `JoinHandle`.
//!
//! The monitor ticks with tokio's `interval` and keeps in an atomic flag whether a
//! check has passed; the caller looks at the flag on its own ticks until its deadline.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use checker::traced;
use tokio::sync::Mutex;
use tokio::task::JoinSet;
use tokio::time::{Instant, interval, interval_at};
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // WRONG FIX: held for the whole of a call: one monitor at a time.
    turn: Mutex<()>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, turn: Mutex::new(()) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        // WRONG FIX: wait for the calls before this one to be done.
        let _turn = self.turn.lock().await;
        let deadline = Instant::now() + timeout_after;
        let ready = Arc::new(AtomicBool::new(false));
        let (probe, every, flag) =
            (self.probe.clone(), self.tick, Arc::clone(&ready));
        // WRONG FIX: the monitor belongs to this call's `JoinSet`: dropped when
        // the call returns, it aborts the monitor.
        let mut monitor = JoinSet::new();
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        monitor.spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + every, every);
            loop {
                ticks.tick().await;
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
