//! Wrong fix for the detached-handle exercise, thread flavour:
//! a stop flag on the watcher, lowered when a call starts and raised when it
//! returns, which the monitor reads at every tick.
//!
//! Breaks: a call is answered ready once its own check passes.
//!
//! With one call at a time it stops the monitor at its call's end; but the flag is
//! the watcher's, shared by every call: when one call times out and raises it, the
//! monitor of a call still waiting stops too, and that call is told "not ready"
//! though its service came up. (And a call that starts lowers the flag again under
//! the feet of the last call's monitor, which then ticks on.)
//!
//! Detached handle, thread flavour: a `std::thread` monitor and its `JoinHandle`.
//!
//! The monitor ticks with `tick` and keeps in an atomic flag whether a check has
//! passed; the caller looks at the flag on its own ticks until its deadline.

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
    // WRONG FIX: raised when a call is done, so that its monitor stops.
    done: Arc<AtomicBool>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, done: Arc::new(AtomicBool::new(false)) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        // WRONG FIX: a new call: the watcher is in use again.
        self.done.store(false, Ordering::Release);
        let deadline = Instant::now() + timeout;
        let ready = Arc::new(AtomicBool::new(false));
        let (probe, every, flag) =
            (self.probe.clone(), self.tick, Arc::clone(&ready));
        let done = Arc::clone(&self.done);
        let _monitor = thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in tick(every) {
                    // WRONG FIX: the call is done: stop.
                    if done.load(Ordering::Acquire) {
                        return;
                    }
                    let answer = probe.check_until(deadline) == Some(true);
                    flag.fetch_or(answer, Ordering::Release);
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        let answer = self.watch(&ready, deadline, timeout);
        // WRONG FIX: done: the monitor stops at its next tick.
        self.done.store(true, Ordering::Release);
        answer
    }

    /// Looks at the monitor's answer every tick, until it says ready or the
    /// deadline comes.
    fn watch(
        &self,
        ready: &AtomicBool,
        deadline: Instant,
        timeout: Duration,
    ) -> Result<(), TimedOut> {
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
