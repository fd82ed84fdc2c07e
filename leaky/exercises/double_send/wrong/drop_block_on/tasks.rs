//! Wrong fix for the double-send exercise, task flavour:
//! a channel per call with room for both reports, read until one says ready, every
//! task's handle kept in the watcher, and a `Drop` that waits for them on a small
//! runtime of its own, so that no task is cut off mid-check.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! Neither send waits, and no handle is dropped; but a task still stops only when
//! its check passes, so the task of a call that timed out while the service never
//! came up ticks on after it. And the `Drop` cannot wait for it: inside async code
//! a runtime cannot be started (it panics), and on a plain thread it waits for
//! tasks that never end, for ever.
//!
//! Double send, task flavour: tokio tasks and `async-channel` channels.
//!
//! The worker ticks with tokio's `interval`, and the caller races a report against
//! tokio's `timeout`, just as the Go code does with `select`.

use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use async_channel::bounded;
use checker::traced;
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
        // WRONG FIX: a channel for this call only, with room for both reports.
        let (report_tx, report_rx) = bounded(2);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        let task = tokio::spawn(traced(async move {
            // The first report: started, not ready yet.
            let _ = report_tx.send(false).await;
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                if probe.check_async().await {
                    let _ = report_tx.send(true).await;
                    return;
                }
            }
        }));
        // WRONG FIX: kept, not detached: the watcher's drop waits for it.
        self.tasks.lock().unwrap_or_else(PoisonError::into_inner).push(task);
        // WRONG FIX: reports are read until one says ready.
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

// WRONG FIX: nothing outlives the watcher: it waits for its tasks to end.
impl Drop for Watcher {
    fn drop(&mut self) {
        let tasks: Vec<_> = self
            .tasks
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner)
            .drain(..)
            .collect();
        let waiter = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("the OS refused to start a runtime");
        waiter.block_on(async {
            for task in tasks {
                let _ = task.await;
            }
        });
    }
}
