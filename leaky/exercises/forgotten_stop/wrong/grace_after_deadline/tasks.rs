//! Wrong fix for the forgotten-stop exercise, task flavour:
//! `stop` on both ways out, and before giving up at the deadline a last 300 ms
//! for the poller, in case a check that passed is just about to land.
//!
//! Breaks: a call returns by its deadline.
//!
//! No return forgets the stop any more, and an answer that was nearly in is not
//! wasted; but the caller asked to give up at its deadline, not 300 ms after it:
//! when the service is slow, every call comes back late, and a caller that budgets
//! its own time misses its deadline because of this one.
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
use tokio::time::{Instant, interval, interval_at, sleep};
use workshop::{Probe, TimedOut};

/// How long past its deadline a call waits for a check that is under way.
const LAST_CHANCE: Duration = Duration::from_millis(300);

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
                // WRONG FIX: a last chance for a check that is about to pass.
                sleep(LAST_CHANCE).await;
                let ready = poller.is_ready();
                // WRONG FIX: and the poller is stopped on this way out too.
                poller.stop();
                return if ready { Ok(()) } else { Err(TimedOut(timeout_after)) };
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
