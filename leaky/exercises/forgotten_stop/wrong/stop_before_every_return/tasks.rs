//! Wrong fix for the forgotten-stop exercise, task flavour:
//! the missing `poller.stop()` added before the early return, so that both
//! `return`s stop the poller.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! Every return in the function now stops it, which is all the code shows; but a
//! caller that drops the future (its own `timeout` or `select!` won) leaves at an
//! `.await`, where neither `stop` runs, and the poller's task runs on for ever.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use checker::traced;
use tokio::task::JoinHandle;
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
        let poller = Poller::start(self.probe.clone(), self.tick);
        let mut ticks = interval(self.tick);
        loop {
            ticks.tick().await;
            if poller.is_ready() {
                poller.stop();
                return Ok(());
            }
            if Instant::now() >= deadline {
                // Stopped here too now.
                poller.stop();
                return Err(TimedOut(timeout_after));
            }
        }
    }
}

/// Checks the service every tick in a task of its own, until stopped.
struct Poller {
    ready: Arc<AtomicBool>,
    task: JoinHandle<()>,
}

impl Poller {
    /// Starts polling. Call [`stop`](Self::stop) when done.
    fn start(probe: Probe, every: Duration) -> Self {
        let ready = Arc::new(AtomicBool::new(false));
        let ready_flag = Arc::clone(&ready);
        let task = tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + every, every);
            loop {
                ticks.tick().await;
                if !ready_flag.load(Ordering::Acquire) {
                    let ready = probe.check_async().await;
                    ready_flag.store(ready, Ordering::Release);
                }
            }
        }));
        Self { ready, task }
    }

    fn is_ready(&self) -> bool {
        self.ready.load(Ordering::Acquire)
    }

    /// Stops the poller: its task is aborted.
    fn stop(self) {
        self.task.abort();
    }
}
