//! Wrong fix for the detached-handle exercise, thread flavour:
//! the handles kept in a field of the watcher.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! If dropping the handle detaches the monitor, then keep the handle: the watcher
//! stores every monitor's handle, and nothing is detached while it lives. But
//! holding a handle does not stop or end anything: nobody ever joins these, or
//! tells the monitors to stop, and they tick on, each for ever, while the handles
//! pile up.
//!
//! Detached handle, thread flavour: a `std::thread` monitor and its `JoinHandle`.
//!
//! The monitor ticks with `tick` and keeps in an atomic flag whether a check has
//! passed; the caller looks at the flag on its own ticks until its deadline.

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
    // WRONG FIX: every monitor's handle, kept while the watcher lives.
    monitors: Mutex<Vec<JoinHandle<()>>>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, monitors: Mutex::default() }
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
        self.monitors.lock().unwrap_or_else(PoisonError::into_inner).push(monitor);
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
