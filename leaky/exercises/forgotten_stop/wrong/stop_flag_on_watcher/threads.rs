//! Wrong fix for the forgotten-stop exercise, thread flavour:
//! one stop flag for every poller, kept by the watcher: `start` lowers it, and
//! every return of `wait_ready` raises it, so that no way out can forget to.
//!
//! Breaks: a call is answered ready once its own check passes.
//!
//! No return forgets the stop any more; but the flag is the watcher's, shared by
//! every call: when one call times out and raises it, the poller of a call still
//! waiting stops too, and that call is told "not ready" though its service came
//! up. (And a call that starts lowers the flag again under the feet of a poller
//! that was about to stop.)
//!
//! Forgotten stop, thread flavour: a `std::thread` poller with `start` and `stop`.
//!
//! The poller ticks with `tick` and keeps the latest answer in an atomic flag; the
//! caller looks at the flag on its own ticks until its deadline.

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
    // WRONG FIX: the pollers' stop flag, raised by every return.
    stop: Arc<AtomicBool>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, stop: Arc::new(AtomicBool::new(false)) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let deadline = Instant::now() + timeout;
        let poller = Poller::start(
            self.probe.clone(),
            self.tick,
            deadline,
            Arc::clone(&self.stop),
        );
        let answer = self.watch(&poller, deadline, timeout);
        // WRONG FIX: whichever way the call ends, its poller stops.
        self.stop.store(true, Ordering::Release);
        answer
    }

    /// Looks at the poller's answer every tick, until it says ready or the deadline
    /// comes.
    fn watch(
        &self,
        poller: &Poller,
        deadline: Instant,
        timeout: Duration,
    ) -> Result<(), TimedOut> {
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

/// Checks the service every tick in a thread of its own, until stopped.
struct Poller {
    ready: Arc<AtomicBool>,
}

impl Poller {
    /// Starts polling; each check gives up at `deadline`. Raise `stopped` when
    /// done.
    fn start(
        probe: Probe,
        every: Duration,
        deadline: Instant,
        stopped: Arc<AtomicBool>,
    ) -> Self {
        let ready = Arc::new(AtomicBool::new(false));
        let ready_flag = Arc::clone(&ready);
        // WRONG FIX: a new poller: the watcher is in use again.
        stopped.store(false, Ordering::Release);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in tick(every) {
                    if stopped.load(Ordering::Acquire) {
                        return;
                    }
                    if !ready_flag.load(Ordering::Acquire) {
                        let ready = probe.check_until(deadline) == Some(true);
                        ready_flag.store(ready, Ordering::Release);
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        Self { ready }
    }

    fn is_ready(&self) -> bool {
        self.ready.load(Ordering::Acquire)
    }
}
