//! Wrong fix for the take-first exercise, task flavour:
//! a channel per call with a slot per replica, replicas that stop at the deadline
//! or once one of them has answered, and each answer's send unwrapped, since
//! "there is a slot for every replica".
//!
//! Breaks: nothing a call starts outlives it.
//!
//! There is a slot for every replica, so no send ever waits for room. But a send
//! fails for another reason too: nobody can receive. A replica whose check passes
//! once its call has returned (the deadline came while the check was under way)
//! sends to a channel whose receiver is gone, and the `unwrap` panics in the task:
//! tokio keeps the panic in a `JoinHandle` that nobody reads, and the bug stays
//! hidden.
//!
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
        let deadline = Instant::now() + timeout_after;
        // WRONG FIX: a channel for this call only, with a slot per replica.
        let (ready_tx, ready_rx) = bounded(REPLICAS);
        // The first answer stands the other replicas down.
        let answered = Arc::new(AtomicBool::new(false));
        for _ in 0..REPLICAS {
            let (probe, period) = (self.probe.clone(), self.tick);
            let (ready_tx, answered) = (ready_tx.clone(), Arc::clone(&answered));
            // (`traced` changes nothing: it lets the checker say where a task
            // waits.)
            tokio::spawn(traced(async move {
                let mut ticks = interval_at(Instant::now() + period, period);
                loop {
                    ticks.tick().await;
                    if Instant::now() >= deadline
                        || answered.load(Ordering::Acquire)
                    {
                        return;
                    }
                    if probe.check_async().await {
                        answered.store(true, Ordering::Release);
                        // WRONG FIX: there is a slot for every replica, so
                        // this cannot fail.
                        ready_tx.send(true).await.unwrap();
                        return;
                    }
                }
            }));
        }
        match timeout(timeout_after, ready_rx.recv()).await {
            Ok(Ok(_)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
