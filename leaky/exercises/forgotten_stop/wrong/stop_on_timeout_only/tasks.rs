//! Wrong fix for the forgotten-stop exercise, task flavour: `stop` moved to the early return.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! The early return was the path that forgot `stop`, so `stop` moves there. But now
//! the other path forgets it: a call that is answered ready returns with its poller
//! still ticking, for ever (and so does a call whose future is dropped).
//!
//! Forgotten stop, task flavour: a tokio task poller with `start` and `stop`.
//!
//! The poller ticks with tokio's `interval` and keeps the latest answer in an atomic
//! flag; the caller looks at the flag on its own ticks until its deadline.

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
                return Ok(());
            }
            if Instant::now() >= deadline {
                // WRONG FIX: the early return stops the poller.
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
        // (`traced` changes nothing: it lets the checker say where a task waits.)
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
