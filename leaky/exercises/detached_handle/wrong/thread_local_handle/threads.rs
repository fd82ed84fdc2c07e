//! Wrong fix for the detached-handle exercise, thread flavour:
//! the monitor's handle kept in a `thread_local!` rather than dropped at the end
//! of the call, and the thread's next call stopping and joining it before it
//! starts its own.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! No handle is dropped, so no monitor is detached, and a thread never has more
//! than one monitor; but the monitor is stopped by the thread's next call, not by
//! its own call's end: between the two, it goes on checking the service, and on a
//! thread that makes no more calls, it checks until the thread exits.
//!
//! Detached handle, thread flavour: a `std::thread` monitor and its `JoinHandle`.
//!
//! The monitor ticks with `tick` and keeps in an atomic flag whether a check has
//! passed; the caller looks at the flag on its own ticks until its deadline.

use std::cell::RefCell;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use crossbeam_channel::tick;
use workshop::{Probe, TimedOut};

use super::WORKER;

thread_local! {
    // WRONG FIX: this thread's last monitor, kept so that its handle is never
    // dropped; the thread's next call ends it.
    static MONITOR: RefCell<Option<Monitor>> = const { RefCell::new(None) };
}

/// A monitor and what stops it.
struct Monitor {
    done: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Drop for Monitor {
    fn drop(&mut self) {
        self.done.store(true, Ordering::Release);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

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
        // WRONG FIX: the last monitor of this thread is stopped and joined first.
        drop(MONITOR.with_borrow_mut(Option::take));
        let deadline = Instant::now() + timeout;
        let ready = Arc::new(AtomicBool::new(false));
        let done = Arc::new(AtomicBool::new(false));
        let (probe, every, flag, stop) =
            (self.probe.clone(), self.tick, Arc::clone(&ready), Arc::clone(&done));
        let thread = thread::Builder::new()
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
        // WRONG FIX: the handle is kept, not dropped.
        MONITOR.set(Some(Monitor { done, thread: Some(thread) }));
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
