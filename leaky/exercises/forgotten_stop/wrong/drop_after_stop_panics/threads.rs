//! Wrong fix for the forgotten-stop exercise, thread flavour:
//! a `Drop` beside `stop`, which takes the handle with an `expect`.
//!
//! Breaks: a call is answered ready once its own check passes.
//!
//! In full: `stop` stays as it was, and a `Drop` is added that stops the poller
//! too, taking the thread's handle with an `expect`, since a poller always has a
//! thread.
//!
//! Every way out now stops the poller, and the early return is covered by `Drop`.
//! But `stop(self)` takes the handle, joins, and then `self` is dropped at the end
//! of `stop`: `Drop` runs a second time on a poller whose handle is gone, and its
//! `expect` panics. Every call that is answered ready panics instead of returning
//! `Ok`; only the timeouts, which never call `stop`, come back.

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
        let poller = Poller::start(self.probe.clone(), self.tick, deadline);
        for _ in tick(self.tick) {
            if poller.is_ready() {
                poller.stop();
                return Ok(());
            }
            if Instant::now() >= deadline {
                // `Drop` stops the poller on this way out.
                return Err(TimedOut(timeout));
            }
        }
        unreachable!("a ticker never runs dry")
    }
}

/// Checks the service every tick in a thread of its own, until stopped.
struct Poller {
    ready: Arc<AtomicBool>,
    stopped: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Poller {
    /// Starts polling; each check gives up at `deadline`. Call [`stop`](Self::stop)
    /// when done.
    fn start(probe: Probe, every: Duration, deadline: Instant) -> Self {
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

    /// Stops the poller and waits for its thread to end.
    fn stop(mut self) {
        self.stopped.store(true, Ordering::Release);
        let thread = self.thread.take().expect("a poller has a thread");
        let _ = thread.join();
    }
}

impl Drop for Poller {
    /// A poller nobody stopped is stopped here.
    fn drop(&mut self) {
        self.stopped.store(true, Ordering::Release);
        let thread = self.thread.take().expect("a poller has a thread");
        let _ = thread.join();
    }
}
