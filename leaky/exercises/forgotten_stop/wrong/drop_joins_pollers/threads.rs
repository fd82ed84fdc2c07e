//! Wrong fix for the forgotten-stop exercise, thread flavour:
//! the pollers kept by the watcher rather than stopped by each call, and joined
//! in the watcher's `Drop`, so that no poller can outlive it.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! It looks like ownership done right: the watcher started them (through its
//! calls), so the watcher ends them. But a join is not a stop: nothing raises a
//! poller's flag any more, so every poller polls on after its call, one more with
//! every call, and the watcher's `Drop` waits for pollers that never end: dropping
//! the watcher hangs its owner.
//!
//! Forgotten stop, thread flavour: a `std::thread` poller with `start` and `stop`.
//!
//! The poller ticks with `tick` and keeps the latest answer in an atomic flag; the
//! caller looks at the flag on its own ticks until its deadline.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use crossbeam_channel::tick;
use workshop::{Probe, TimedOut};

use super::WORKER;

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // WRONG FIX: every poller the calls started, ended with the watcher.
    pollers: Mutex<Vec<Poller>>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, pollers: Mutex::new(Vec::new()) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let deadline = Instant::now() + timeout;
        let poller = Poller::start(self.probe.clone(), self.tick, deadline);
        let ready = Arc::clone(&poller.ready);
        // WRONG FIX: the watcher keeps the poller: no call can forget it.
        self.pollers.lock().unwrap_or_else(PoisonError::into_inner).push(poller);
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

// WRONG FIX: nothing outlives the watcher: its pollers are joined.
impl Drop for Watcher {
    fn drop(&mut self) {
        let pollers =
            self.pollers.get_mut().unwrap_or_else(PoisonError::into_inner);
        for poller in pollers.drain(..) {
            let _ = poller.thread.join();
        }
    }
}

/// Checks the service every tick in a thread of its own, until stopped.
struct Poller {
    ready: Arc<AtomicBool>,
    thread: JoinHandle<()>,
}

impl Poller {
    /// Starts polling; each check gives up at `deadline`.
    fn start(probe: Probe, every: Duration, deadline: Instant) -> Self {
        let ready = Arc::new(AtomicBool::new(false));
        let ready_flag = Arc::clone(&ready);
        let thread = thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in tick(every) {
                    if !ready_flag.load(Ordering::Acquire) {
                        let ready = probe.check_until(deadline) == Some(true);
                        ready_flag.store(ready, Ordering::Release);
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        Self { ready, thread }
    }
}
