//! Wrong fix for the forgotten-stop exercise, thread flavour:
//! one poller for the watcher instead of one per call: started in `new`, stopped
//! and joined in the watcher's `Drop`, so there is no `stop` left to forget.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! Nothing grows with the calls and nothing outlives the watcher; but the flag the
//! calls read holds the poller's last answer, from a check that may have started
//! long before the call, and the poller stops checking once it is set: after the
//! service goes down, every call is still told "ready".

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use crossbeam_channel::tick;
use workshop::{Probe, TimedOut};

use super::WORKER;

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    tick: Duration,
    // One poller for every call, stopped when the watcher is dropped.
    poller: Poller,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { tick, poller: Poller::start(probe, tick) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let deadline = Instant::now() + timeout;
        for _ in tick(self.tick) {
            if self.poller.is_ready() {
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
    fn drop(&mut self) {
        self.stopped.store(true, Ordering::Release);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
