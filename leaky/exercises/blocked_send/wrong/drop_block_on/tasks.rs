//! Wrong fix for the blocked-send exercise, task flavour:
//! the watcher keeps every task's handle and a stop token, and its `Drop` cancels
//! the token and waits for the tasks with `Handle::current().block_on`.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! It reads like an orderly shutdown, but the tasks run until the watcher goes,
//! long after the calls that started them (the handles pile up meanwhile), and a
//! watcher dropped in async code panics in its `Drop`: a runtime cannot be blocked
//! on from inside one.

use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use async_channel::bounded;
use checker::traced;
use tokio::runtime::Handle;
use tokio::task::JoinHandle;
use tokio::time::{Instant, interval_at, timeout};
use tokio_util::sync::CancellationToken;
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // Cancelled when the watcher goes: every task stops then.
    stop: CancellationToken,
    tasks: Mutex<Vec<JoinHandle<()>>>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self {
            probe,
            tick,
            stop: CancellationToken::new(),
            tasks: Mutex::new(Vec::new()),
        }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let probe = self.probe.clone();
        let period = self.tick;
        let stop = self.stop.clone();
        let (ready_tx, ready_rx) = bounded(1);
        let task = tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                tokio::select! {
                    () = stop.cancelled() => return,
                    _ = ticks.tick() => {}
                }
                if probe.check_async().await {
                    let _ = ready_tx.send(true).await;
                    return;
                }
            }
        }));
        self.tasks.lock().unwrap_or_else(PoisonError::into_inner).push(task);
        match timeout(timeout_after, ready_rx.recv()).await {
            Ok(_) => Ok(()),
            Err(_) => Err(TimedOut(timeout_after)),
        }
    }
}

// Stop every task and wait until each has really ended.
impl Drop for Watcher {
    fn drop(&mut self) {
        self.stop.cancel();
        let tasks: Vec<_> = self
            .tasks
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner)
            .drain(..)
            .collect();
        Handle::current().block_on(async {
            for task in tasks {
                let _ = task.await;
            }
        });
    }
}
