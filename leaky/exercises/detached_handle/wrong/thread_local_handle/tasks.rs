//! Wrong fix for the detached-handle exercise, task flavour:
//! the monitor's handle kept in a `thread_local!` rather than dropped at the end
//! of the call, and the thread's next call aborting it before it starts its own.
//!
//! Breaks: a call is answered ready once its own check passes.
//!
//! No handle is dropped, so no monitor is detached, and a thread never has more
//! than one monitor. But tasks are not threads: on a current-thread runtime every
//! call runs on the one thread, so a call that starts while another waits aborts
//! the other's monitor, and that call waits out its deadline unanswered, though its
//! service came up. (And the last monitor checks on after its call, until the
//! next.)
//!
//! Detached handle, task flavour: a tokio task monitor and its `JoinHandle`.
//!
//! The monitor ticks with tokio's `interval` and keeps in an atomic flag whether a
//! check has passed; the caller looks at the flag on its own ticks until its deadline.

use std::cell::RefCell;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use checker::traced;
use tokio::task::JoinHandle;
use tokio::time::{Instant, interval, interval_at};
use workshop::{Probe, TimedOut};

thread_local! {
    // WRONG FIX: this thread's last monitor, kept so that its handle is never
    // dropped; the thread's next call ends it.
    static MONITOR: RefCell<Option<JoinHandle<()>>> = const { RefCell::new(None) };
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
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        // WRONG FIX: the last monitor of this thread is aborted first.
        if let Some(last) = MONITOR.with_borrow_mut(Option::take) {
            last.abort();
        }
        let deadline = Instant::now() + timeout_after;
        let ready = Arc::new(AtomicBool::new(false));
        let (probe, every, flag) =
            (self.probe.clone(), self.tick, Arc::clone(&ready));
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        let monitor = tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + every, every);
            loop {
                ticks.tick().await;
                flag.fetch_or(probe.check_async().await, Ordering::Release);
            }
        }));
        // WRONG FIX: the handle is kept, not dropped.
        MONITOR.set(Some(monitor));
        let mut ticks = interval(self.tick);
        loop {
            ticks.tick().await;
            if ready.load(Ordering::Acquire) {
                return Ok(());
            }
            if Instant::now() >= deadline {
                return Err(TimedOut(timeout_after));
            }
        }
    }
}
