//! Wrong fix for the stale-answer exercise, task flavour:
//! a channel per call with a slot for its answer, every task's handle kept in the
//! watcher, and a `Drop` that aborts them and waits for each to end with
//! `Handle::current().block_on`.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! A late answer lands where no later call looks, and no handle is dropped; but a
//! task still stops only when its check passes, so the task of a call that timed
//! out while the service never came up ticks on after it. And the `Drop` cannot
//! wait anyway: inside async code a runtime cannot be blocked on from within (it
//! panics), and on a plain thread there is no current runtime (it panics too).
//!
//! Stale answer, task flavour: tokio tasks and `async-channel` channels.
//!
//! The worker ticks with tokio's `interval`, and the caller races the worker's
//! answer against tokio's `timeout`, just as the Go code does with `select`.

use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use async_channel::bounded;
use checker::traced;
use tokio::runtime::Handle;
use tokio::task::JoinHandle;
use tokio::time::{Instant, interval_at, timeout};
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // WRONG FIX: every task we started, so that none is detached.
    tasks: Mutex<Vec<JoinHandle<()>>>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, tasks: Mutex::new(Vec::new()) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let (probe, period) = (self.probe.clone(), self.tick);
        // WRONG FIX: a channel for this call, with room for its one answer: a late
        // answer lands where no later call will ever look.
        let (ready_tx, ready_rx) = bounded(1);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        let task = tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                if probe.check_async().await {
                    let _ = ready_tx.send(true).await;
                    return;
                }
            }
        }));
        // WRONG FIX: kept, not detached: the watcher's drop ends it.
        self.tasks.lock().unwrap_or_else(PoisonError::into_inner).push(task);
        match timeout(timeout_after, ready_rx.recv()).await {
            Ok(Ok(_)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}

// WRONG FIX: nothing outlives the watcher: its tasks are aborted, and it waits
// until each has really ended.
impl Drop for Watcher {
    fn drop(&mut self) {
        let tasks: Vec<_> = self
            .tasks
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner)
            .drain(..)
            .collect();
        for task in &tasks {
            task.abort();
        }
        Handle::current().block_on(async {
            for task in tasks {
                let _ = task.await;
            }
        });
    }
}
