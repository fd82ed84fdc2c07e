//! Right fix for the detached-handle exercise, task flavour, written
//! differently from `fixed/`: the monitor is a future raced in the call.
//!
//! Right: the monitor lives inside the call's future, and is dropped with it.
//!
//! In full: nothing is spawned; the monitor is a future the call races against its
//! own loop with `tokio::select!`, so it has no handle to lose.
//!
//! Why: the monitor lives inside the call's future: when the caller's loop answers,
//! or the caller drops the call's future, the `select!` is dropped and the monitor
//! with it, check in flight and all; the flag is this call's alone.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

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
        let ready = AtomicBool::new(false);
        // The monitor: never done on its own; dropped when the `select!` is.
        let monitor = async {
            let mut ticks = interval_at(Instant::now() + self.tick, self.tick);
            loop {
                ticks.tick().await;
                ready.store(self.probe.check_async().await, Ordering::Release);
            }
        };
        let caller = async {
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
        };
        tokio::select! {
            _ = monitor => unreachable!("the monitor never ends on its own"),
            answer = caller => answer,
        }
    }
}
