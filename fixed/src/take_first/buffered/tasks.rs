//! Take first, task flavour: tokio tasks and `async-channel` channels.
//!
//! The workers tick with tokio's `interval`, and the caller races the first answer
//! against tokio's `timeout`, just as the Go code does with `select`.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use async_channel::bounded;
use checker::traced;
use tokio::time::{Instant, interval_at, timeout};
use workshop::{Probe, TimedOut};

use super::REPLICAS;

/// Waits for a service to become ready, asking every replica at once.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // FIX: no channel kept here: each call makes its own.
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick }
    }

    /// Waits until the first replica's probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        // FIX: the worker is given the call's deadline.
        let deadline = Instant::now() + timeout_after;
        // FIX: a channel for this call only, with room for every replica's answer:
        // no send ever waits, whether or not anyone still listens.
        let (ready_tx, ready_rx) = bounded(REPLICAS);
        // FIX: the first answer stands the other replicas down: one answer is all
        // the call needs, and a replica whose service went down would tick on.
        let answered = Arc::new(AtomicBool::new(false));
        for _ in 0..REPLICAS {
            let (probe, period) = (self.probe.clone(), self.tick);
            let (ready_tx, answered) = (ready_tx.clone(), Arc::clone(&answered));
            // (`traced` changes nothing: it lets the checker say where a task waits.)
            tokio::spawn(traced(async move {
                let mut ticks = interval_at(Instant::now() + period, period);
                loop {
                    // FIX: at the deadline the task stops: a check that
                    // never passes cannot keep it ticking once its caller
                    // has gone. (The clock, not the tick: after a slow check,
                    // `Interval` hands out the missed ticks at once.)
                    ticks.tick().await;
                    if Instant::now() >= deadline
                        || answered.load(Ordering::Acquire)
                    {
                        return;
                    }
                    if probe.check_async().await {
                        answered.store(true, Ordering::Release);
                        // FIX: there is room for this answer, read or not: the
                        // send returns at once, and the task ends.
                        let _ = ready_tx.send(true).await;
                        return;
                    }
                }
            }));
        }
        match timeout(timeout_after, ready_rx.recv()).await {
            // FIX: a closed channel is a task that gave up, not an answer.
            Ok(Ok(_)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
