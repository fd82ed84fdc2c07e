//! Wrong fix for the detached-handle exercise, task flavour:
//! the monitor holds the call's answer flag weakly, and `expect`s to upgrade it at
//! every tick: once the call has returned and dropped the flag, the monitor ends.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! A `Weak` is the right way for a worker to notice that its owner has gone, and
//! the monitor does end once the call returns, handle or no handle; but it ends by
//! panicking: after every call, a panic in a task the call started, which tokio
//! keeps in a `JoinHandle` nobody reads, and a crash for a program built with
//! `panic = "abort"`.
//!
//! Detached handle, task flavour: a tokio task monitor and its `JoinHandle`.
//!
//! The monitor ticks with tokio's `interval` and keeps in an atomic flag whether a
//! check has passed; the caller looks at the flag on its own ticks until its deadline.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use checker::traced;
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
        let ready = Arc::new(AtomicBool::new(false));
        // WRONG FIX: the monitor does not keep the flag alive: the call does.
        let (probe, every, flag) =
            (self.probe.clone(), self.tick, Arc::downgrade(&ready));
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        let _monitor = tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + every, every);
            loop {
                ticks.tick().await;
                let answer = probe.check_async().await;
                // WRONG FIX: the call is gone once its flag is.
                let flag = flag.upgrade().expect("the call has returned");
                flag.fetch_or(answer, Ordering::Release);
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
