//! Wrong fix for the forgotten-stop exercise, thread flavour:
//! one poller per calling thread, kept in a `thread_local!` and reused by that
//! thread's next call; its `Drop` stops it when the thread exits.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! No `stop` to forget, no thread per call, and the `Drop` does run in the end; but
//! "in the end" is when the calling thread exits: the poller a call starts goes on
//! checking after the call returns, between calls, for the life of the caller's
//! thread.

use std::cell::RefCell;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use crossbeam_channel::tick;
use workshop::{Probe, TimedOut};

use super::WORKER;

thread_local! {
    // This thread's poller, started by its first call.
    static POLLER: RefCell<Option<Poller>> = const { RefCell::new(None) };
}

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
        let ready = POLLER.with(|poller| {
            let mut poller = poller.borrow_mut();
            let poller = poller.get_or_insert_with(|| {
                Poller::start(self.probe.clone(), self.tick)
            });
            // A new call: forget the last call's answer.
            poller.ready.store(false, Ordering::Release);
            Arc::clone(&poller.ready)
        });
        for _ in tick(self.tick) {
            if ready.load(Ordering::Acquire) {
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
}

// Stops the poller when its thread's thread-locals are dropped.
impl Drop for Poller {
    fn drop(&mut self) {
        self.stopped.store(true, Ordering::Release);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
