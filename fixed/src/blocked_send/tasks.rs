//! Blocked send, task flavour, fixed with no task at all: the caller checks.
//!
//! The caller's polling loop ticks with tokio's `interval` and runs each check
//! itself, and tokio's `timeout` drops the loop at the deadline.

use std::time::Duration;

use tokio::time::{Instant, interval_at, timeout};
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // FIX: no channel here. The caller checks for itself, so there is nothing to
    // send and nobody to wait for.
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
        // FIX: no worker task. The polling loop is a plain future, owned by this
        // call.
        let poll = async {
            let mut ticks = interval_at(Instant::now() + self.tick, self.tick);
            loop {
                ticks.tick().await;
                if self.probe.check_async().await {
                    return;
                }
            }
        };
        // FIX: when the deadline wins, `timeout` drops `poll`, and dropping a
        // future cancels it: the ticker and the check in flight are gone with it.
        match timeout(timeout_after, poll).await {
            Ok(()) => Ok(()),
            Err(_) => Err(TimedOut(timeout_after)),
        }
    }
}
