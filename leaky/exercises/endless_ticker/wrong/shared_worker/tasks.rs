//! Wrong fix for the endless-ticker exercise, task flavour:
//! one ticker task for the whole watcher, started by the first call and aborted
//! when the watcher is dropped, which checks while any call waits and wakes them
//! all with `Notify::notify_waiters` once a check passes.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! One task, whatever the number of calls, that does nothing while nobody waits
//! and ends with the watcher: nothing piles up, and a `Notify` is the textbook way
//! to wake many waiters at once. But it wakes whoever waits when the check ends,
//! not those who waited when it started: a call that arrived while a check was
//! under way, one started for earlier calls, is told "ready" by it, though the
//! service may have gone down since that check began.
//!
//! Endless ticker, task flavour: tokio tasks and `async-channel` channels.
//!
//! The worker ticks with tokio's `interval`, and the caller races the worker's
//! answer against tokio's `timeout`, just as the Go code does with `select`.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use checker::traced;
use tokio::sync::Notify;
use tokio::time::{Instant, interval_at, timeout};
use tokio_util::task::AbortOnDropHandle;
use workshop::{Probe, TimedOut};

/// What the calls and the watcher's ticker share.
#[derive(Default)]
struct Shared {
    /// How many calls wait now.
    waiting: AtomicUsize,
    /// Wakes the waiting calls once a check passes.
    ready: Notify,
}

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // WRONG FIX: one ticker for the watcher, and the calls it wakes.
    shared: Arc<Shared>,
    ticker: OnceLock<AbortOnDropHandle<()>>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, shared: Arc::default(), ticker: OnceLock::new() }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        self.ticker.get_or_init(|| {
            let (probe, shared) = (self.probe.clone(), Arc::clone(&self.shared));
            // (`traced` changes nothing: it lets the checker say where a task
            // waits.)
            let task =
                tokio::spawn(traced(tick_while_waited(probe, self.tick, shared)));
            AbortOnDropHandle::new(task)
        });
        let ready = self.shared.ready.notified();
        self.shared.waiting.fetch_add(1, Ordering::AcqRel);
        let answer = timeout(timeout_after, ready).await;
        self.shared.waiting.fetch_sub(1, Ordering::AcqRel);
        answer.map_err(|_| TimedOut(timeout_after))
    }
}

/// The watcher's ticker: checks every tick while a call waits.
async fn tick_while_waited(probe: Probe, every: Duration, shared: Arc<Shared>) {
    let mut ticks = interval_at(Instant::now() + every, every);
    loop {
        ticks.tick().await;
        if shared.waiting.load(Ordering::Acquire) == 0 {
            continue;
        }
        if probe.check_async().await {
            // WRONG FIX: ready: wake every call that waits.
            shared.ready.notify_waiters();
        }
    }
}
