//! Wrong fix for the forgotten-stop exercise, task flavour:
//! `Drop` aborts the poller; the caller reads its deadline before the answer.
//!
//! Breaks: a call is answered ready once its own check passes.
//!
//! In full: `Drop` aborts the poller, and the caller's loop, tidied up, looks at
//! its deadline before it looks at the poller's answer.
//!
//! Nothing is left behind, and giving up first reads like the safe order. But the
//! caller looks only on its own ticks: when the poller's check passes in the last
//! tick before the deadline, the caller's next look comes at or after the deadline,
//! finds the deadline first, and says not ready, about a check that said ready in
//! time.

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
            // Out of time first: never answer past the deadline.
            if Instant::now() >= deadline {
                return Err(TimedOut(timeout_after));
            }
            if poller.is_ready() {
                return Ok(());
            }
        }
    }
}

/// Checks the service every tick in a task of its own, until dropped.
struct Poller {
    ready: Arc<AtomicBool>,
    task: JoinHandle<()>,
}

impl Poller {
    /// Starts polling. Dropping the poller stops it.
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
}

impl Drop for Poller {
    fn drop(&mut self) {
        self.task.abort();
    }
}
