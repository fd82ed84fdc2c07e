//! Wrong fix for the detached-handle exercise, task flavour:
//! one monitor task for the whole watcher, started by the first call and aborted
//! when the watcher is dropped; it checks while any call waits and keeps the latest
//! answer in a flag on the watcher, which each call clears when it starts.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! One monitor, whatever the number of calls, idle while nobody waits, and ended
//! with the watcher; clearing the flag even keeps an answer from lingering between
//! calls. But a check under way when a call starts lands after the clear: a call
//! that arrived while a check was running, one started for earlier calls, is told
//! "ready" by it, though the service may have gone down since that check began.
//!
//! Detached handle, task flavour: a tokio task monitor and its `JoinHandle`.
//!
//! The monitor ticks with tokio's `interval` and keeps in an atomic flag whether a
//! check has passed; the caller looks at the flag on its own ticks until its deadline.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use checker::traced;
use tokio::time::{Instant, interval, interval_at};
use tokio_util::task::AbortOnDropHandle;
use workshop::{Probe, TimedOut};

/// What the calls and the watcher's monitor share.
#[derive(Default)]
struct Shared {
    /// The latest answer.
    ready: AtomicBool,
    /// How many calls wait now.
    waiting: AtomicUsize,
}

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // WRONG FIX: one monitor for every call, owned by the watcher.
    shared: Arc<Shared>,
    monitor: OnceLock<AbortOnDropHandle<()>>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, shared: Arc::default(), monitor: OnceLock::new() }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        self.monitor.get_or_init(|| {
            let (probe, shared) = (self.probe.clone(), Arc::clone(&self.shared));
            // (`traced` changes nothing: it lets the checker say where a task
            // waits.)
            let task = tokio::spawn(traced(monitor(probe, self.tick, shared)));
            AbortOnDropHandle::new(task)
        });
        let deadline = Instant::now() + timeout_after;
        // WRONG FIX: no old answer: the flag is cleared when a call starts.
        self.shared.ready.store(false, Ordering::Release);
        self.shared.waiting.fetch_add(1, Ordering::AcqRel);
        let answer = self.watch(deadline, timeout_after).await;
        self.shared.waiting.fetch_sub(1, Ordering::AcqRel);
        answer
    }

    /// Looks at the monitor's answer every tick, until it says ready or the
    /// deadline comes.
    async fn watch(
        &self,
        deadline: Instant,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let mut ticks = interval(self.tick);
        loop {
            ticks.tick().await;
            if self.shared.ready.load(Ordering::Acquire) {
                return Ok(());
            }
            if Instant::now() >= deadline {
                return Err(TimedOut(timeout_after));
            }
        }
    }
}

/// The watcher's monitor: checks every tick while a call waits.
async fn monitor(probe: Probe, every: Duration, shared: Arc<Shared>) {
    let mut ticks = interval_at(Instant::now() + every, every);
    loop {
        ticks.tick().await;
        if shared.waiting.load(Ordering::Acquire) > 0 {
            shared.ready.store(probe.check_async().await, Ordering::Release);
        }
    }
}
