//! Wrong fix for the forgotten-stop exercise, task flavour:
//! the poller holds its answer's flag weakly, and `expect`s to upgrade it at every
//! tick: once the call has returned and dropped the flag, the poller ends, on any
//! way out, stopped or not.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! A `Weak` is the right way for a worker to notice that its owner has gone, and
//! the poller does end once the call returns; but it ends by panicking: after every
//! early return, a panic in a task the call started, which tokio keeps in a
//! `JoinHandle` nobody reads, and a crash for a program built with
//! `panic = "abort"`.
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
                poller.stop();
                return Ok(());
            }
            if Instant::now() >= deadline {
                // WRONG FIX: no `stop` needed here: the poller ends once this call
                // has dropped its flag.
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
    /// Starts polling. Call [`stop`](Self::stop) when done, or drop the poller.
    fn start(probe: Probe, every: Duration) -> Self {
        let ready = Arc::new(AtomicBool::new(false));
        // WRONG FIX: the poller does not keep the flag alive: the call does.
        let ready_flag = Arc::downgrade(&ready);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        let task = tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + every, every);
            loop {
                ticks.tick().await;
                // WRONG FIX: the call is gone once its flag is.
                let ready_flag =
                    ready_flag.upgrade().expect("the call has returned");
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
