//! Wrong fix for the detached-handle exercise, thread flavour:
//! the monitors' handles are kept on the watcher, and joined when it drops.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! In full: the monitors' handles are kept on the watcher and joined when it is
//! dropped, and each monitor stops at its call's deadline, so that every join comes
//! back.
//!
//! No thread is ever detached now, and none runs forever: each is joined in the
//! end. But a monitor stops at its call's deadline, not when its call returns. A
//! call answered ready early, with a long timeout, leaves its monitor checking for
//! nobody until that deadline, and a watcher that outlives many calls piles up
//! their handles until it is dropped, where the join then waits out the deadlines.

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
    /// Every monitor started, joined when the watcher is dropped.
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
                for _ in tick(every).into_iter().take_while(|&now| now < deadline) {
                    let answer = probe.check_until(deadline) == Some(true);
                    flag.fetch_or(answer, Ordering::Release);
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        // Kept, not dropped: the watcher joins it in the end.
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

impl Drop for Watcher {
    fn drop(&mut self) {
        let monitors =
            self.monitors.get_mut().unwrap_or_else(PoisonError::into_inner);
        for monitor in monitors.drain(..) {
            let _ = monitor.join();
        }
    }
}
