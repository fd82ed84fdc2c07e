//! Wrong fix for the forgotten-stop exercise, task flavour:
//! the pollers' handles kept by the watcher, and every return of `wait_ready`
//! aborting them all, so that no way out can forget a poller.
//!
//! Breaks: a call is answered ready once its own check passes.
//!
//! No return forgets to stop a poller any more, and the list never grows; but the
//! list is the watcher's, shared by every call: when one call times out and aborts
//! them all, it aborts the pollers of the calls still waiting too, and those calls
//! are told "not ready" though their service came up.
//!
//! Forgotten stop, task flavour: a tokio task poller with `start` and `stop`.
//!
//! The poller ticks with tokio's `interval` and keeps the latest answer in an atomic
//! flag; the caller looks at the flag on its own ticks until its deadline.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use checker::traced;
use tokio::task::AbortHandle;
use tokio::time::{Instant, interval, interval_at};
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // WRONG FIX: the pollers running now, stopped by any return.
    pollers: Mutex<Vec<AbortHandle>>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, pollers: Mutex::new(Vec::new()) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let deadline = Instant::now() + timeout_after;
        let poller = Poller::start(self.probe.clone(), self.tick);
        self.pollers
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(poller.task.clone());
        let answer = watch(&poller, self.tick, deadline, timeout_after).await;
        // WRONG FIX: whichever way the call ends, the pollers stop.
        for poller in
            self.pollers.lock().unwrap_or_else(PoisonError::into_inner).drain(..)
        {
            poller.abort();
        }
        answer
    }
}

/// Looks at the poller's answer every tick, until it says ready or the deadline
/// comes.
async fn watch(
    poller: &Poller,
    every: Duration,
    deadline: Instant,
    timeout_after: Duration,
) -> Result<(), TimedOut> {
    let mut ticks = interval(every);
    loop {
        ticks.tick().await;
        if poller.is_ready() {
            return Ok(());
        }
        if Instant::now() >= deadline {
            return Err(TimedOut(timeout_after));
        }
    }
}

/// Checks the service every tick in a task of its own, until aborted.
struct Poller {
    ready: Arc<AtomicBool>,
    task: AbortHandle,
}

impl Poller {
    /// Starts polling. Abort its task when done.
    fn start(probe: Probe, every: Duration) -> Self {
        let ready = Arc::new(AtomicBool::new(false));
        let ready_flag = Arc::clone(&ready);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        let task = tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + every, every);
            loop {
                ticks.tick().await;
                if !ready_flag.load(Ordering::Acquire) {
                    let ready = probe.check_async().await;
                    ready_flag.store(ready, Ordering::Release);
                }
            }
        }));
        Self { ready, task: task.abort_handle() }
    }

    fn is_ready(&self) -> bool {
        self.ready.load(Ordering::Acquire)
    }
}
