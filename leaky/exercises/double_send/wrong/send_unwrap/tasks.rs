//! Wrong fix for the double-send exercise, task flavour:
//! one report (the answer) on a channel per call with a slot for it, a task that
//! stops at the deadline, and the answer's send unwrapped, since "the slot is
//! always free".
//!
//! Breaks: nothing a call starts outlives it.
//!
//! The slot is free: nothing else is ever sent on this channel. But a send fails
//! for another reason too: nobody can receive. A check that passes after its call
//! gave up (a slow service) sends to a channel whose receiver is gone, and the
//! `unwrap` panics in the task: tokio keeps the panic in a `JoinHandle` that nobody
//! reads, and the bug stays hidden.
//!
//! Double send, task flavour: tokio tasks and `async-channel` channels.
//!
//! The worker ticks with tokio's `interval`, and the caller races a report against
//! tokio's `timeout`, just as the Go code does with `select`.

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
        let deadline = Instant::now() + timeout_after;
        let (probe, period) = (self.probe.clone(), self.tick);
        // WRONG FIX: a channel for this call only, with a slot for the answer.
        let (report_tx, report_rx) = bounded(1);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            // WRONG FIX: one report, the answer.
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                // Nobody waits past the deadline: stop there.
                if Instant::now() >= deadline {
                    return;
                }
                if probe.check_async().await {
                    // WRONG FIX: the slot is free, so this cannot fail.
                    report_tx.send(true).await.unwrap();
                    return;
                }
            }
        }));
        match timeout(timeout_after, report_rx.recv()).await {
            Ok(Ok(true)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
