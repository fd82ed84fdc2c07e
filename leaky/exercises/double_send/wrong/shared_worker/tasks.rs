//! Wrong fix for the double-send exercise, task flavour:
//! one worker task for the whole watcher, started by the first call and aborted
//! when the watcher is dropped: each call puts a report channel on a list the
//! watcher keeps and reads it until a report says ready; the worker reports each
//! check to every call on the list.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! One task, whatever the number of calls, that forgets the calls that have gone
//! and ends with the watcher: nothing piles up, and no report waits. But the list
//! is read when a check ends, not when it starts: a call that arrived while a check
//! was under way, one started for earlier calls, is told "ready" by it, though the
//! service may have gone down since that check began.
//!
//! Double send, task flavour: tokio tasks and `async-channel` channels.
//!
//! The worker ticks with tokio's `interval`, and the caller races a report against
//! tokio's `timeout`, just as the Go code does with `select`.

use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError};
use std::time::Duration;

use async_channel::{Sender, unbounded};
use checker::traced;
use tokio::time::{Instant, interval_at, timeout};
use tokio_util::task::AbortOnDropHandle;
use workshop::{Probe, TimedOut};

/// The report channels of the calls waiting now.
type Waiting = Mutex<Vec<Sender<bool>>>;

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // WRONG FIX: no channel for every call: a list of the calls waiting now, to
    // which the watcher's one worker reports.
    waiting: Arc<Waiting>,
    worker: OnceLock<AbortOnDropHandle<()>>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        let waiting = Arc::new(Mutex::new(Vec::new()));
        Self { probe, tick, waiting, worker: OnceLock::new() }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        self.worker.get_or_init(|| {
            let (probe, waiting) = (self.probe.clone(), Arc::clone(&self.waiting));
            // (`traced` changes nothing: it lets the checker say where a task
            // waits.)
            let task = tokio::spawn(traced(serve(probe, self.tick, waiting)));
            AbortOnDropHandle::new(task)
        });
        let (reports, report_rx) = unbounded();
        lock(&self.waiting).push(reports);
        // Reports are read until one says ready.
        let answer = async {
            while !report_rx.recv().await? {}
            Ok::<(), async_channel::RecvError>(())
        };
        match timeout(timeout_after, answer).await {
            Ok(Ok(())) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}

fn lock(waiting: &Waiting) -> MutexGuard<'_, Vec<Sender<bool>>> {
    waiting.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The worker: checks every tick while a call waits.
async fn serve(probe: Probe, every: Duration, waiting: Arc<Waiting>) {
    let mut ticks = interval_at(Instant::now() + every, every);
    loop {
        ticks.tick().await;
        // Calls that have gone (timed out, or dropped): forget them.
        let anyone = {
            let mut waiting = lock(&waiting);
            waiting.retain(|reports| !reports.is_closed());
            !waiting.is_empty()
        };
        if !anyone {
            continue;
        }
        let ready = probe.check_async().await;
        // WRONG FIX: every call waiting hears how the check went; once it says
        // ready, they are done.
        let mut waiting = lock(&waiting);
        for reports in waiting.iter() {
            let _ = reports.try_send(ready);
        }
        if ready {
            waiting.clear();
        }
    }
}
