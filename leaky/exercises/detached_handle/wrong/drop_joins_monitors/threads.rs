//! Wrong fix for the detached-handle exercise, thread flavour:
//! every monitor's `JoinHandle` kept in the watcher, whose `Drop` joins them all,
//! so that no monitor is ever detached.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! No handle is dropped any more; but keeping a handle, or joining it, stops
//! nothing: every monitor checks on after its call, one more with every call, and
//! the watcher's `Drop` waits for monitors that never end: dropping the watcher
//! hangs its owner.
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
    // WRONG FIX: every monitor we started, so that none is detached.
    monitors: Mutex<Vec<JoinHandle<()>>>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, monitors: Mutex::new(Vec::new()) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let deadline = Instant::now() + timeout;
        let ready = Arc::new(AtomicBool::new(false));
        let (probe, every, flag) =
            (self.probe.clone(), self.tick, Arc::clone(&ready));
        let monitor = thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in tick(every) {
                    let answer = probe.check_until(deadline) == Some(true);
                    flag.fetch_or(answer, Ordering::Release);
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        // WRONG FIX: kept, not detached: the watcher's drop joins it.
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

// WRONG FIX: nothing outlives the watcher: its monitors are joined.
impl Drop for Watcher {
    fn drop(&mut self) {
        let monitors =
            self.monitors.get_mut().unwrap_or_else(PoisonError::into_inner);
        for monitor in monitors.drain(..) {
            let _ = monitor.join();
        }
    }
}
