//! Wrong fix for the stale-answer exercise, task flavour:
//! answers on a `broadcast` channel the watcher keeps; each call subscribes.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! In full: the answers go out on a `tokio::sync::broadcast` channel the watcher
//! keeps, and each call subscribes when it starts; workers stop at their call's
//! deadline.
//!
//! A new subscriber sees only what is sent after it subscribed, so the answers that
//! piled up for earlier calls are gone: that was the bug, and it looks fixed. But a
//! check under way when its call gave up still answers, after the next call has
//! subscribed, and the next call takes it. And with calls at once, every answer
//! goes to every subscriber: a call that asked during another call's check is told
//! ready by that check.

use std::time::Duration;

use checker::traced;
use tokio::sync::broadcast;
use tokio::time::{Instant, interval_at, timeout};
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    /// The workers' answers; a call hears only those sent after it subscribed.
    answers: broadcast::Sender<()>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, answers: broadcast::channel(16).0 }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let deadline = Instant::now() + timeout_after;
        // Subscribed now: nothing sent before this call is in it.
        let mut answers = self.answers.subscribe();
        let (probe, period, ready_tx) =
            (self.probe.clone(), self.tick, self.answers.clone());
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                if Instant::now() >= deadline {
                    return;
                }
                if probe.check_async().await {
                    let _ = ready_tx.send(());
                    return;
                }
            }
        }));
        match timeout(timeout_after, answers.recv()).await {
            Ok(Ok(())) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
