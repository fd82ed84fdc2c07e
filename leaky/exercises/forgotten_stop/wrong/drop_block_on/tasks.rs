//! Wrong fix for the forgotten-stop exercise, task flavour:
//! the pollers kept by the watcher rather than stopped by each call, and a `Drop`
//! that stops them all and waits for each to end with `Handle::current().block_on`.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! It looks like ownership done right: the watcher ends what its calls started.
//! But until the watcher goes, every poller polls on after its call, one more with
//! every call; and the `Drop` cannot wait anyway: inside async code a runtime
//! cannot be blocked on from within (it panics), and on a plain thread there is no
//! current runtime (it panics too).
//!
//! Forgotten stop, task flavour: a tokio task poller with `start` and `stop`.
//!
//! The poller ticks with tokio's `interval` and keeps the latest answer in an atomic
//! flag; the caller looks at the flag on its own ticks until its deadline.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use checker::traced;
use tokio::runtime::Handle;
use tokio::task::JoinHandle;
use tokio::time::{Instant, interval, interval_at};
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // WRONG FIX: every poller the calls started, ended with the watcher.
    pollers: Mutex<Vec<JoinHandle<()>>>,
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
        let (ready, task) = start_poller(self.probe.clone(), self.tick);
        // WRONG FIX: the watcher keeps the poller: no call can forget it.
        self.pollers.lock().unwrap_or_else(PoisonError::into_inner).push(task);
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

// WRONG FIX: nothing outlives the watcher: its pollers are stopped, and it waits
// until each has really ended.
impl Drop for Watcher {
    fn drop(&mut self) {
        let pollers: Vec<_> = self
            .pollers
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner)
            .drain(..)
            .collect();
        for poller in &pollers {
            poller.abort();
        }
        Handle::current().block_on(async {
            for poller in pollers {
                let _ = poller.await;
            }
        });
    }
}

/// Starts a poller: it checks the service every tick in a task of its own, and
/// keeps the latest answer in the flag it returns.
fn start_poller(
    probe: Probe,
    every: Duration,
) -> (Arc<AtomicBool>, JoinHandle<()>) {
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
    (ready, task)
}
