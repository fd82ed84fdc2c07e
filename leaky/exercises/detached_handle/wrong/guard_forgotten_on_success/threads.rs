//! Wrong fix for the detached-handle exercise, thread flavour:
//! a cancel-and-join guard, passed to `std::mem::forget` once ready.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! In full: a guard that raises a stop flag and joins the monitor when dropped, and
//! `std::mem::forget` of that guard once the call is answered ready, to spare it
//! the join.
//!
//! The timeout path is right: the guard stops and joins the monitor. The `forget`
//! rests on a belief about the monitor: that once it has seen the service ready its
//! work is done, and joining would only wait for its next tick. But the monitor
//! stops only on the flag, and `forget` means the guard's `Drop` never runs: the
//! flag is never raised, the handle is never joined, and after every call answered
//! ready the monitor ticks on, forever.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::{self, JoinHandle};
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
        let done = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&done);
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
        let guard = CancelAndJoin(done, Some(monitor));
        for _ in tick(self.tick) {
            if ready.load(Ordering::Acquire) {
                // The monitor has seen the service ready: its work is done, and the
                // join would only wait for its next tick.
                std::mem::forget(guard);
                return Ok(());
            }
            if Instant::now() >= deadline {
                // The guard stops and joins the monitor here.
                return Err(TimedOut(timeout));
            }
        }
        unreachable!("a ticker never runs dry")
    }
}

/// Raises the stop flag and joins the thread when dropped.
struct CancelAndJoin(Arc<AtomicBool>, Option<JoinHandle<()>>);

impl Drop for CancelAndJoin {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Release);
        if let Some(thread) = self.1.take() {
            let _ = thread.join();
        }
    }
}
