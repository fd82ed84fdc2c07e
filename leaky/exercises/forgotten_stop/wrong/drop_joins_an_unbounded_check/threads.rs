//! Wrong fix for the forgotten-stop exercise, thread flavour:
//! `Drop` stops and joins the poller, whose checks lost their deadline.
//!
//! Breaks: a call returns by its deadline.
//!
//! In full: `Drop` for the poller raises the stop flag and joins the thread, and
//! the poller's checks lose their deadline, which the stop now seems to make
//! redundant.
//!
//! The `Drop` is the fix the hints point to, and it runs on every way out. But the
//! deadline on each check was what bounded the join: without it the poller may be
//! in the middle of `probe.check()` when the call gives up, and the join waits
//! until that check is done, however long it takes, with the caller stuck past its
//! deadline.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use crossbeam_channel::tick;
use workshop::{Probe, TimedOut};

use super::WORKER;

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
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let deadline = Instant::now() + timeout;
        let poller = Poller::start(self.probe.clone(), self.tick);
        for _ in tick(self.tick) {
            if poller.is_ready() {
                return Ok(());
            }
            if Instant::now() >= deadline {
                // The poller is stopped when it is dropped, on every way out.
                return Err(TimedOut(timeout));
            }
        }
        unreachable!("a ticker never runs dry")
    }
}

/// Checks the service every tick in a thread of its own, until dropped.
struct Poller {
    ready: Arc<AtomicBool>,
    stopped: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Poller {
    /// Starts polling. The poller stops when dropped: its checks need no deadline.
    fn start(probe: Probe, every: Duration) -> Self {
        let ready = Arc::new(AtomicBool::new(false));
        let stopped = Arc::new(AtomicBool::new(false));
        let (ready_flag, stop_flag) = (Arc::clone(&ready), Arc::clone(&stopped));
        let thread = thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in tick(every) {
                    if stop_flag.load(Ordering::Acquire) {
                        return;
                    }
                    if !ready_flag.load(Ordering::Acquire) {
                        ready_flag.store(probe.check(), Ordering::Release);
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        Self { ready, stopped, thread: Some(thread) }
    }

    fn is_ready(&self) -> bool {
        self.ready.load(Ordering::Acquire)
    }
}

impl Drop for Poller {
    /// Stops the poller and waits for its thread to end.
    fn drop(&mut self) {
        self.stopped.store(true, Ordering::Release);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
