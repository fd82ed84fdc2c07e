//! Wrong fix for the forgotten-stop exercise, thread flavour:
//! the poller stops itself after 30 s of its own, so that a forgotten `stop` can
//! no longer keep it polling for ever.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! A poller can no longer run for ever, whatever its caller forgets; but the end
//! is the poller's own, not its call's: a call that gives up after 10 ms, on the
//! early return that still forgets `stop`, leaves its poller checking the service
//! for half a minute more, and calls in a row stack them up.
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

/// How long a poller polls before it stops on its own.
const POLLER_GIVES_UP: Duration = Duration::from_secs(30);

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
                // LEAK: an early return that forgets `poller.stop()`: the poller
                // ticks on, forever.
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
    /// when done.
    fn start(probe: Probe, every: Duration, deadline: Instant) -> Self {
        let ready = Arc::new(AtomicBool::new(false));
        let stopped = Arc::new(AtomicBool::new(false));
        let (ready_flag, stop_flag) = (Arc::clone(&ready), Arc::clone(&stopped));
        // WRONG FIX: the poller's own time limit, whatever its caller forgets.
        let gives_up = Instant::now() + POLLER_GIVES_UP;
        let thread = thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for now in tick(every) {
                    if stop_flag.load(Ordering::Acquire) || now >= gives_up {
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
