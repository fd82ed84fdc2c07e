//! Right fix for the forgotten-stop exercise, task flavour, written
//! differently from `fixed/`: the poller's task runs under a `CancellationToken`
//! whose `DropGuard` the poller holds, so that dropping the poller cancels its
//! task.
//!
//! Right: the poller is dropped on every way out of the call, the future dropped by
//! its caller included, so there is no `stop` to forget;
//! `run_until_cancelled_owned` drops the polling loop the moment the token is
//! cancelled, mid-tick or mid-check, and the token is the poller's own.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use checker::traced;
use tokio::time::{Instant, interval, interval_at};
use tokio_util::sync::{CancellationToken, DropGuard};
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
        let poller = Poller::start(self.probe.clone(), self.tick);
        let mut ticks = interval(self.tick);
        loop {
            ticks.tick().await;
            if poller.is_ready() {
                return Ok(());
            }
            if Instant::now() >= deadline {
                // The poller stops when dropped, here as on every way out.
                return Err(TimedOut(timeout_after));
            }
        }
    }
}

/// Checks the service every tick in a task of its own, until dropped.
struct Poller {
    ready: Arc<AtomicBool>,
    // Cancels the task's token when the poller is dropped.
    _stop: DropGuard,
}

impl Poller {
    fn start(probe: Probe, every: Duration) -> Self {
        let ready = Arc::new(AtomicBool::new(false));
        let ready_flag = Arc::clone(&ready);
        let token = CancellationToken::new();
        let stop = token.clone().drop_guard();
        tokio::spawn(traced(token.run_until_cancelled_owned(async move {
            let mut ticks = interval_at(Instant::now() + every, every);
            loop {
                ticks.tick().await;
                if !ready_flag.load(Ordering::Acquire) {
                    let ready = probe.check_async().await;
                    ready_flag.store(ready, Ordering::Release);
                }
            }
        })));
        Self { ready, _stop: stop }
    }

    fn is_ready(&self) -> bool {
        self.ready.load(Ordering::Acquire)
    }
}
