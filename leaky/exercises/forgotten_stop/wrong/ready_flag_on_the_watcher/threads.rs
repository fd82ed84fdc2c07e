//! Wrong fix for the forgotten-stop exercise, thread flavour:
//! `Drop` stops the poller; its answer flag is the watcher's, reset per call.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! In full: the poller is stopped in its `Drop`, and its answer flag is kept on the
//! watcher, lowered at the start of every call, rather than made afresh for each
//! poller.
//!
//! Nothing leaks, and one call after another is right: each lowers the flag before
//! its poller starts. But with calls at once, a call that asks while an earlier
//! call's poller is in a check lowers the flag, and that check, which started
//! before the later call asked, raises it again when it passes: the later call
//! reads it on its next tick and says ready, even when the service went down as it
//! asked.

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
    /// The latest answer, shared with the poller of the call under way.
    ready: Arc<AtomicBool>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, ready: Arc::new(AtomicBool::new(false)) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let deadline = Instant::now() + timeout;
        // A new call: no answer yet.
        self.ready.store(false, Ordering::Release);
        let poller = Poller::start(
            self.probe.clone(),
            self.tick,
            deadline,
            Arc::clone(&self.ready),
        );
        for _ in tick(self.tick) {
            if poller.is_ready() {
                return Ok(());
            }
            if Instant::now() >= deadline {
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
    /// Starts polling into `ready`; each check gives up at `deadline`.
    fn start(
        probe: Probe,
        every: Duration,
        deadline: Instant,
        ready: Arc<AtomicBool>,
    ) -> Self {
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
                        let ready = probe.check_until(deadline) == Some(true);
                        ready_flag.store(ready, Ordering::Release);
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
