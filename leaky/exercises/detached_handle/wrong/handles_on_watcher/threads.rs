//! Wrong fix for the detached-handle exercise, thread flavour:
//! keep every monitor's `JoinHandle` in the watcher, so that no handle is ever
//! dropped (and no monitor detached), and stop and join them all in the watcher's
//! `Drop`.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! No handle is dropped any more, and the watcher's end is every monitor's end; but
//! a monitor now lives as long as the watcher, not as long as its call: each call
//! leaves one behind, still ticking, and the handles pile up with the calls.

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
    // Every monitor, kept: a handle that is kept is a thread that is not detached.
    monitors: Mutex<Vec<JoinHandle<()>>>,
    stop: Arc<AtomicBool>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self {
            probe,
            tick,
            monitors: Mutex::new(Vec::new()),
            stop: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let deadline = Instant::now() + timeout;
        let ready = Arc::new(AtomicBool::new(false));
        let (probe, every, flag) =
            (self.probe.clone(), self.tick, Arc::clone(&ready));
        let stop = Arc::clone(&self.stop);
        let monitor = thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in tick(every) {
                    if stop.load(Ordering::Acquire) {
                        return;
                    }
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

// The monitors end with the watcher.
impl Drop for Watcher {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Release);
        let monitors =
            self.monitors.get_mut().unwrap_or_else(PoisonError::into_inner);
        for monitor in monitors.drain(..) {
            let _ = monitor.join();
        }
    }
}
