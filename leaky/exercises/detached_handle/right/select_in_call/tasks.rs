//! Right fix for the detached-handle exercise, task flavour, written
//! differently from `fixed/`: no task at all: the monitor is a future of the call,
//! raced in one `tokio::select!` against the caller's own loop, which looks at the
//! flag every tick.
//!
//! Right: nothing is spawned, so nothing can be detached: when the caller's loop
//! returns, the `select!` drops the monitor future (its tick or its check in
//! flight), and a caller dropping the whole call drops it too; the flag lives in
//! the call.

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
        // The monitor: checks every tick and keeps the latest answer. It never ends
        // on its own; the `select!` below ends it.
        let monitor = async {
            let mut ticks = interval_at(Instant::now() + self.tick, self.tick);
            loop {
                ticks.tick().await;
                ready.store(self.probe.check_async().await, Ordering::Release);
            }
        };
        // The caller: looks at the answer every tick until its deadline.
        let watch = async {
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
            answer = watch => answer,
            never = monitor => never,
        }
    }
}
