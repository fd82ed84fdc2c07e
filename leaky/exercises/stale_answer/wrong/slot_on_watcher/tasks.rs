//! Wrong fix for the stale-answer exercise, task flavour:
//! a one-shot reply per call, put in a slot on the watcher; a worker whose check
//! passes answers whoever is in the slot, and the slot is emptied on every answer.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! A `oneshot` can be used once, so no answer is ever kept for later; but the
//! worker does not know whose reply is in the slot: a check made for an earlier
//! call that passes after it gave up answers the call waiting now.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use checker::traced;
use tokio::sync::oneshot;
use tokio::time::{Instant, interval_at, timeout};
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // The reply of the call waiting now.
    reply: Arc<Mutex<Option<oneshot::Sender<()>>>>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, reply: Arc::new(Mutex::new(None)) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let deadline = Instant::now() + timeout_after;
        let (probe, period) = (self.probe.clone(), self.tick);
        let (reply, answer) = oneshot::channel();
        *self.reply.lock().unwrap_or_else(PoisonError::into_inner) = Some(reply);
        let slot = Arc::clone(&self.reply);
        tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                if ticks.tick().await >= deadline {
                    return;
                }
                if probe.check_async().await {
                    let reply =
                        slot.lock().unwrap_or_else(PoisonError::into_inner).take();
                    if let Some(reply) = reply {
                        let _ = reply.send(());
                    }
                    return;
                }
            }
        }));
        match timeout(timeout_after, answer).await {
            Ok(Ok(())) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
