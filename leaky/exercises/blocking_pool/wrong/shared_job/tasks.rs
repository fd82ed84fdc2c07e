//! Wrong fix for the blocking-pool exercise, task flavour:
//! one blocking job for the whole watcher, started by the first call and stopped
//! when the watcher is dropped: each call puts a `oneshot` reply on a list the
//! watcher keeps, and a check that passes answers every call on the list.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! One pool thread, whatever the number of calls, forgetting the calls that have
//! gone and stopping with the watcher: nothing piles up on the pool. But the list
//! is read when the check ends, not when it starts: a call that arrived while a
//! check was under way, one started for earlier calls, is told "ready" by it,
//! though the service may have gone down since that check began.
//!
//! Blocking pool, task flavour: tokio's `spawn_blocking` under a `timeout`.
//!
//! The blocking loop ticks with crossbeam's `tick`, and the caller races the job
//! against tokio's `timeout`.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, Once, PoisonError};
use std::time::Duration;

use crossbeam_channel::tick;
use tokio::sync::oneshot;
use tokio::time::timeout;
use workshop::{Probe, TimedOut};

/// What the calls and the watcher's job share.
#[derive(Default)]
struct Shared {
    /// The replies of the calls waiting now.
    waiting: Mutex<Vec<oneshot::Sender<()>>>,
    /// Raised when the watcher is dropped: the job stops.
    stop: AtomicBool,
}

impl Shared {
    fn waiting(&self) -> MutexGuard<'_, Vec<oneshot::Sender<()>>> {
        self.waiting.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // WRONG FIX: one job for every call, started by the first.
    shared: Arc<Shared>,
    started: Once,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, shared: Arc::default(), started: Once::new() }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        self.started.call_once(|| {
            let (probe, every, shared) =
                (self.probe.clone(), self.tick, Arc::clone(&self.shared));
            // The check blocks its thread: it runs on tokio's blocking pool.
            tokio::task::spawn_blocking(move || serve(&probe, every, &shared));
        });
        let (reply, answer) = oneshot::channel();
        self.shared.waiting().push(reply);
        match timeout(timeout_after, answer).await {
            Ok(Ok(())) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}

// The job stops with the watcher.
impl Drop for Watcher {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::Release);
    }
}

/// The job: checks every tick while a call waits, until the watcher is dropped.
fn serve(probe: &Probe, every: Duration, shared: &Shared) {
    for _ in tick(every) {
        if shared.stop.load(Ordering::Acquire) {
            return;
        }
        // Calls that have gone (timed out, or dropped): forget them.
        let anyone = {
            let mut waiting = shared.waiting();
            waiting.retain(|reply| !reply.is_closed());
            !waiting.is_empty()
        };
        if anyone && probe.check() {
            // WRONG FIX: ready: tell everyone who is waiting.
            for reply in shared.waiting().drain(..) {
                let _ = reply.send(());
            }
        }
    }
}
