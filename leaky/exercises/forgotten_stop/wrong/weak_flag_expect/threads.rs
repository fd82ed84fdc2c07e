//! Wrong fix for the forgotten-stop exercise, thread flavour:
//! the poller holds its answer's flag weakly, and `expect`s to upgrade it at every
//! tick: once the call has returned and dropped the flag, the poller ends, on any
//! way out, stopped or not.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! A `Weak` is the right way for a worker to notice that its owner has gone, and
//! the poller does end once the call returns; but it ends by panicking: after every
//! early return, a panic in a thread the call started, a backtrace on stderr in
//! real code, and a crash for a program built with `panic = "abort"`.
//!
//! Forgotten stop, thread flavour: a `std::thread` poller with `start` and `stop`.
//!
//! The poller ticks with `tick` and keeps the latest answer in an atomic flag; the
//! caller looks at the flag on its own ticks until its deadline.

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
                // WRONG FIX: no `stop` needed here: the poller ends once this
                // call has dropped its flag.
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
    thread: JoinHandle<()>,
}

impl Poller {
    /// Starts polling; each check gives up at `deadline`. Call [`stop`](Self::stop)
    /// when done, or drop the poller.
    fn start(probe: Probe, every: Duration, deadline: Instant) -> Self {
        let ready = Arc::new(AtomicBool::new(false));
        let stopped = Arc::new(AtomicBool::new(false));
        // WRONG FIX: the poller does not keep the flag alive: the call does.
        let (ready_flag, stop_flag) =
            (Arc::downgrade(&ready), Arc::clone(&stopped));
        let thread = thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in tick(every) {
                    if stop_flag.load(Ordering::Acquire) {
                        return;
                    }
                    // WRONG FIX: the call is gone once its flag is.
                    let ready_flag =
                        ready_flag.upgrade().expect("the call has returned");
                    if !ready_flag.load(Ordering::Acquire) {
                        let ready = probe.check_until(deadline) == Some(true);
                        ready_flag.store(ready, Ordering::Release);
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        Self { ready, stopped, thread }
    }

    fn is_ready(&self) -> bool {
        self.ready.load(Ordering::Acquire)
    }

    /// Stops the poller and waits for its thread to end.
    fn stop(self) {
        self.stopped.store(true, Ordering::Release);
        let _ = self.thread.join();
    }
}
