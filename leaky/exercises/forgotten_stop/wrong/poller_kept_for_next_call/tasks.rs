//! Wrong fix for the forgotten-stop exercise, task flavour:
//! a `Drop` that aborts the poller, and the poller handed back to the watcher when
//! a call returns, so that the next call finds it warm instead of starting a new
//! one.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! Every poller is still aborted when dropped, and only one is ever kept, so
//! nothing piles up; but the one that is kept is a poller the call started, ticking
//! on after the call has returned, until the next call or the watcher's end.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use checker::traced;
use tokio::task::JoinHandle;
use tokio::time::{Instant, interval, interval_at};
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // The last call's poller, warm for the next one.
    spare: Mutex<Option<Poller>>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, spare: Mutex::new(None) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let deadline = Instant::now() + timeout_after;
        let spare =
            self.spare.lock().unwrap_or_else(PoisonError::into_inner).take();
        let poller =
            spare.unwrap_or_else(|| Poller::start(self.probe.clone(), self.tick));
        // A fresh answer for this call.
        poller.ready.store(false, Ordering::Release);
        let mut ticks = interval(self.tick);
        let answer = loop {
            ticks.tick().await;
            if poller.is_ready() {
                break Ok(());
            }
            if Instant::now() >= deadline {
                break Err(TimedOut(timeout_after));
            }
        };
        // Keep it for the next call; any poller it replaces is dropped, so aborted.
        *self.spare.lock().unwrap_or_else(PoisonError::into_inner) = Some(poller);
        answer
    }
}

/// Checks the service every tick in a task of its own, until dropped.
struct Poller {
    ready: Arc<AtomicBool>,
    task: JoinHandle<()>,
}

impl Poller {
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
}

// Dropped on any path, even with the caller's future: the poller's task is aborted.
impl Drop for Poller {
    fn drop(&mut self) {
        self.task.abort();
    }
}
