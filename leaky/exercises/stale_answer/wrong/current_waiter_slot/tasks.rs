//! Wrong fix for the stale-answer exercise, task flavour:
//! a slot on the watcher holds the latest call's `oneshot` sender.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! In full: each call puts a `oneshot` sender in a slot on the watcher, and a
//! worker whose check passes takes whatever sender is in the slot and answers
//! through it.
//!
//! A `oneshot` cannot pile up answers, and a call that has gone leaves nothing to
//! answer: its sender is replaced by the next call's. But the worker does not
//! answer its own call: it answers whoever is in the slot when its check passes. A
//! check under way when its call gave up passes during the next call, and the next
//! call is told ready by a check that started before it asked.

use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use checker::traced;
use tokio::sync::oneshot;
use tokio::time::{Instant, interval_at, timeout};
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    /// Where the waiting call can be told: the latest call's sender.
    waiter: std::sync::Arc<Mutex<Option<oneshot::Sender<()>>>>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, waiter: Default::default() }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let deadline = Instant::now() + timeout_after;
        let (ready_tx, ready_rx) = oneshot::channel();
        *self.waiter.lock().unwrap_or_else(PoisonError::into_inner) =
            Some(ready_tx);
        let (probe, period) = (self.probe.clone(), self.tick);
        let waiter = std::sync::Arc::clone(&self.waiter);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                if Instant::now() >= deadline {
                    return;
                }
                if probe.check_async().await {
                    let taken = waiter
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .take();
                    if let Some(waiting) = taken {
                        let _ = waiting.send(());
                    }
                    return;
                }
            }
        }));
        match timeout(timeout_after, ready_rx).await {
            Ok(Ok(())) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
