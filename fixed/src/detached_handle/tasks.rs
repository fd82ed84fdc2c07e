//! Detached handle, task flavour: a tokio task monitor in a `JoinSet`.
//!
//! The monitor ticks with tokio's `interval` and keeps in an atomic flag whether a
//! check has passed; the caller looks at the flag on its own ticks until its deadline.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use checker::traced;
use tokio::task::JoinSet;
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
        let (probe, every, flag) =
            (self.probe.clone(), self.tick, Arc::clone(&ready));
        // FIX: the monitor belongs to this call's `JoinSet`. When the call returns,
        // on time or not, the set is dropped, and dropping a `JoinSet` aborts
        // every task still in it.
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
