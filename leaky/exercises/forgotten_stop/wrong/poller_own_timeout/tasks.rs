//! Wrong fix for the forgotten-stop exercise, task flavour:
//! the poller's loop under a `tokio::time::timeout` of its own, 30 s, so that a
//! forgotten `stop` can no longer keep it polling for ever.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! A poller can no longer run for ever, whatever its caller forgets; but the end
//! is the poller's own, not its call's: a call that gives up after a second, on
//! the early return that still forgets `stop`, leaves its poller checking the
//! service for half a minute more, and calls in a row stack them up.
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
use tokio::time::{Instant, interval, interval_at, timeout};
use workshop::{Probe, TimedOut};

/// How long a poller polls before it stops on its own.
const POLLER_GIVES_UP: Duration = Duration::from_secs(30);

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
                // LEAK: an early return that forgets `poller.stop()`: the poller
                // ticks on, forever.
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
            // WRONG FIX: the poller's own time limit, whatever its caller forgets.
            let _ = timeout(POLLER_GIVES_UP, async {
                let mut ticks = interval_at(Instant::now() + every, every);
                loop {
                    ticks.tick().await;
                    if !ready_flag.load(Ordering::Acquire) {
                        let ready = probe.check_async().await;
                        ready_flag.store(ready, Ordering::Release);
                    }
                }
            })
            .await;
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
