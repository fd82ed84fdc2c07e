//! Wrong fix for the detached-handle exercise, thread flavour:
//! the monitor joined before the call returns.
//!
//! Breaks: a call returns by its deadline.
//!
//! Joining is how a thread is owned: after the join, nothing is left. But the
//! monitor's loop has no way out at all, so the join waits past the call's
//! deadline, for ever, even for a call whose service was up at once.
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
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let deadline = Instant::now() + timeout;
        let ready = Arc::new(AtomicBool::new(false));
        let (probe, every, flag) =
            (self.probe.clone(), self.tick, Arc::clone(&ready));
        // LEAK: the handle is kept, as if that kept hold of the monitor. When it is
        // dropped, at the end of this call, the thread is detached and runs on.
        let monitor = thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in tick(every) {
                    let answer = probe.check_until(deadline) == Some(true);
                    flag.fetch_or(answer, Ordering::Release);
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        let mut answer = Err(TimedOut(timeout));
        for _ in tick(self.tick) {
            if ready.load(Ordering::Acquire) {
                answer = Ok(());
                break;
            }
            if Instant::now() >= deadline {
                break;
            }
        }
        // WRONG FIX: the monitor is joined, so that it cannot outlive the call.
        let _ = monitor.join();
        answer
    }
}
