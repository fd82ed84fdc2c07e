//! Right fix for the forgotten-stop exercise, thread flavour, written
//! differently from `fixed/`: `Drop` raises the flag, without a join.
//!
//! Right: every poller is told to stop, and ends within a check and a tick.
//!
//! In full: the poller's `Drop` raises its stop flag and lets go of the thread,
//! without joining it.
//!
//! Why: `Drop` runs on every way out, so every poller is told to stop; its checks
//! give up at the call's deadline and it reads the flag at every tick, so it ends
//! within the check in flight and one tick of the call's return, joined or not; and
//! the call never waits on it, so it is back on time.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
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
                // The poller stops when dropped, here as on every way out.
                return Err(TimedOut(timeout));
            }
        }
        unreachable!("a ticker never runs dry")
    }
}

/// Checks the service every tick in a thread of its own, until stopped or dropped.
struct Poller {
    ready: Arc<AtomicBool>,
    stopped: Arc<AtomicBool>,
}

impl Poller {
    /// Starts polling; each check gives up at `deadline`.
    fn start(probe: Probe, every: Duration, deadline: Instant) -> Self {
        let ready = Arc::new(AtomicBool::new(false));
        let stopped = Arc::new(AtomicBool::new(false));
        let (ready_flag, stop_flag) = (Arc::clone(&ready), Arc::clone(&stopped));
        // The handle is dropped: the thread is detached, and stops on its flag.
        thread::Builder::new()
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
        Self { ready, stopped }
    }

    fn is_ready(&self) -> bool {
        self.ready.load(Ordering::Acquire)
    }

    /// Stops the poller; it ends at its next tick.
    fn stop(self) {
        drop(self);
    }
}

impl Drop for Poller {
    fn drop(&mut self) {
        self.stopped.store(true, Ordering::Release);
    }
}
