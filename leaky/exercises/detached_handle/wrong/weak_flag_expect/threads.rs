//! Wrong fix for the detached-handle exercise, thread flavour:
//! the monitor holds the call's answer flag weakly, and `expect`s to upgrade it at
//! every tick: once the call has returned and dropped the flag, the monitor ends.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! A `Weak` is the right way for a worker to notice that its owner has gone, and
//! the monitor does end once the call returns, handle or no handle; but it ends by
//! panicking: after every call, a panic in a thread the call started, a backtrace
//! on stderr in real code, and a crash for a program built with
//! `panic = "abort"`.
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
        // WRONG FIX: the monitor does not keep the flag alive: the call does.
        let (probe, every, flag) =
            (self.probe.clone(), self.tick, Arc::downgrade(&ready));
        let _monitor = thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in tick(every) {
                    let answer = probe.check_until(deadline) == Some(true);
                    // WRONG FIX: the call is gone once its flag is.
                    let flag = flag.upgrade().expect("the call has returned");
                    flag.fetch_or(answer, Ordering::Release);
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
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
