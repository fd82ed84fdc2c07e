//! Wrong fix for the detached-handle exercise, thread flavour:
//! one monitor for the whole watcher, started in `new`, its handle kept and joined
//! in the watcher's `Drop`; it checks while any call waits and keeps the latest
//! answer in a flag on the watcher, which each call clears when it starts.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! One monitor, whatever the number of calls, idle while nobody waits, and no
//! handle ever dropped; clearing the flag even keeps an answer from lingering
//! between calls. But a check under way when a call starts lands after the clear:
//! a call that arrived while a check was running, one started for earlier calls, is
//! told "ready" by it, though the service may have gone down since that check
//! began.
//!
//! Detached handle, thread flavour: a `std::thread` monitor and its `JoinHandle`.
//!
//! The monitor ticks with `tick` and keeps in an atomic flag whether a check has
//! passed; the caller looks at the flag on its own ticks until its deadline.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use crossbeam_channel::tick;
use workshop::{Probe, TimedOut};

use super::WORKER;

/// What the calls and the watcher's monitor share.
#[derive(Default)]
struct Shared {
    /// The latest answer.
    ready: AtomicBool,
    /// How many calls wait now.
    waiting: AtomicUsize,
    /// Raised when the watcher is dropped.
    done: AtomicBool,
}

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    tick: Duration,
    // WRONG FIX: one monitor for every call, owned by the watcher.
    shared: Arc<Shared>,
    monitor: Option<JoinHandle<()>>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        let shared = Arc::new(Shared::default());
        let on = Arc::clone(&shared);
        let monitor = thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || monitor(&probe, tick, &on))
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        Self { tick, shared, monitor: Some(monitor) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let deadline = Instant::now() + timeout;
        // WRONG FIX: no old answer: the flag is cleared when a call starts.
        self.shared.ready.store(false, Ordering::Release);
        self.shared.waiting.fetch_add(1, Ordering::AcqRel);
        let answer = self.watch(deadline, timeout);
        self.shared.waiting.fetch_sub(1, Ordering::AcqRel);
        answer
    }

    /// Looks at the monitor's answer every tick, until it says ready or the
    /// deadline comes.
    fn watch(&self, deadline: Instant, timeout: Duration) -> Result<(), TimedOut> {
        for _ in tick(self.tick) {
            if self.shared.ready.load(Ordering::Acquire) {
                return Ok(());
            }
            if Instant::now() >= deadline {
                return Err(TimedOut(timeout));
            }
        }
        unreachable!("a ticker never runs dry")
    }
}

/// The watcher's monitor: checks every tick while a call waits, until the watcher
/// is dropped.
fn monitor(probe: &Probe, every: Duration, on: &Shared) {
    for _ in tick(every) {
        if on.done.load(Ordering::Acquire) {
            return;
        }
        if on.waiting.load(Ordering::Acquire) > 0 {
            on.ready.store(probe.check(), Ordering::Release);
        }
    }
}

// The monitor ends with the watcher.
impl Drop for Watcher {
    fn drop(&mut self) {
        self.shared.done.store(true, Ordering::Release);
        if let Some(monitor) = self.monitor.take() {
            let _ = monitor.join();
        }
    }
}
