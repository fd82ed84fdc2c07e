//! Wrong fix for the stale-answer exercise, task flavour:
//! a channel per call with a slot for its answer, and a task that stops at the
//! call's deadline; the caller's `match` is kept.
//!
//! Breaks: a call is answered ready once its own check passes.
//!
//! A late answer lands where no later call looks, and the task ends with its call;
//! but the caller still reads `Ok(_)` as "ready", and `Ok(Err(RecvError))`, a
//! channel whose sender is gone, matches it too. The task gives up at the deadline,
//! the very instant the caller's `timeout` fires: whichever runs first wins, and a
//! call whose service never came up may be told it is ready (on a multi-thread
//! runtime, often).
//!
//! Stale answer, task flavour: tokio tasks and `async-channel` channels.
//!
//! The worker ticks with tokio's `interval`, and the caller races the worker's
//! answer against tokio's `timeout`, just as the Go code does with `select`.

use std::time::Duration;

use async_channel::bounded;
use checker::traced;
use tokio::time::{Instant, interval_at, timeout, timeout_at};
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
        // WRONG FIX: the task knows the call's deadline.
        let deadline = Instant::now() + timeout_after;
        let (probe, period) = (self.probe.clone(), self.tick);
        // WRONG FIX: a channel for this call, with room for its one answer: a late
        // answer lands where no later call will ever look.
        let (ready_tx, ready_rx) = bounded(1);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            // WRONG FIX: nobody waits past the deadline: the task stops there,
            // mid-tick or mid-check.
            let _ = timeout_at(deadline, async {
                let mut ticks = interval_at(Instant::now() + period, period);
                loop {
                    ticks.tick().await;
                    if probe.check_async().await {
                        let _ = ready_tx.send(true).await;
                        return;
                    }
                }
            })
            .await;
        }));
        match timeout(timeout_after, ready_rx.recv()).await {
            Ok(_) => Ok(()),
            Err(_) => Err(TimedOut(timeout_after)),
        }
    }
}
