//! Wrong fix for the stale-answer exercise, task flavour:
//! a channel per call with a slot for its answer, a task that stops at the
//! deadline, and the answer's send unwrapped, since "the slot is always free".
//!
//! Breaks: nothing a call starts outlives it.
//!
//! The slot is free: nothing else is ever sent on this channel. But a send fails
//! for another reason too: nobody can receive. A check that passes after its call
//! gave up (a slow service) sends to a channel whose receiver is gone, and the
//! `unwrap` panics in the task, which tokio keeps in a `JoinHandle` nobody reads: a
//! panic per late answer, where a late answer is exactly what this channel was made
//! to absorb.
//!
//! Stale answer, task flavour: tokio tasks and `async-channel` channels.
//!
//! The worker ticks with tokio's `interval`, and the caller races the worker's
//! answer against tokio's `timeout`, just as the Go code does with `select`.

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
        // The task is given the call's deadline.
        let deadline = Instant::now() + timeout_after;
        let (probe, period) = (self.probe.clone(), self.tick);
        // WRONG FIX: a channel for this call, with room for its one answer.
        let (ready_tx, ready_rx) = bounded(1);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                if Instant::now() >= deadline {
                    return;
                }
                if probe.check_async().await {
                    // WRONG FIX: the slot is free, so this cannot fail.
                    ready_tx.send(true).await.unwrap();
                    return;
                }
            }
        }));
        match timeout(timeout_after, ready_rx.recv()).await {
            Ok(Ok(_)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
