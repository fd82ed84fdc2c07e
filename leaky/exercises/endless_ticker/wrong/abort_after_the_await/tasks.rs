//! Wrong fix for the endless-ticker exercise, task flavour:
//! the call aborts the worker's `JoinHandle` after its timed wait.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! In full: the call keeps the worker's `JoinHandle` and aborts it after the timed
//! wait, whichever way the wait ended.
//!
//! Answered or timed out, the worker is aborted: both of the call's returns are
//! covered, and the tests that only await calls pass. But the abort is a statement
//! after an `.await`, and a future can be dropped at any `.await`: a caller that
//! drops the call's future (its own `timeout`, a `select!` that took another
//! branch) never reaches the abort, and a worker whose service never comes up ticks
//! on, forever.

use std::time::Duration;

use async_channel::bounded;
use checker::traced;
use tokio::time::{Instant, interval_at, timeout};
use workshop::{Probe, TimedOut};

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
        let (probe, period) = (self.probe.clone(), self.tick);
        let (ready_tx, ready_rx) = bounded(1);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        let worker = tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                if probe.check_async().await {
                    let _ = ready_tx.send(true).await;
                    return;
                }
            }
        }));
        let answer = timeout(timeout_after, ready_rx.recv()).await;
        // Whichever way the wait ended, the worker goes.
        worker.abort();
        match answer {
            Ok(Ok(_)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
