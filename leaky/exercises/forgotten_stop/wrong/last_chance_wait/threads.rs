//! Wrong fix for the forgotten-stop exercise, thread flavour:
//! stop the poller on both ways out, and before giving up at the deadline give it a
//! last 100 ms, in case a check that passed is just about to land.
//!
//! Breaks: a call returns by its deadline.
//!
//! The forgotten `stop` is fixed, and the grace looks kind to a service that came
//! up at the last moment; but the caller asked to be answered by its deadline, and
//! every timed-out call now returns at least 100 ms late.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use crossbeam_channel::tick;
use workshop::{Probe, TimedOut};

use super::WORKER;

/// How long a call waits past its deadline for an answer already on its way.
const LAST_CHANCE: Duration = Duration::from_millis(100);

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
        // The poller's checks may finish a little after the deadline.
        let poller =
            Poller::start(self.probe.clone(), self.tick, deadline + LAST_CHANCE);
        for _ in tick(self.tick) {
            if poller.is_ready() {
                poller.stop();
                return Ok(());
            }
            if Instant::now() >= deadline {
                // A last chance for a check that is about to pass.
                thread::sleep(LAST_CHANCE);
                let ready = poller.is_ready();
                poller.stop();
                return if ready { Ok(()) } else { Err(TimedOut(timeout)) };
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
