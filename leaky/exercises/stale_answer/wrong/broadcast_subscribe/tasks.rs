//! Wrong fix for the stale-answer exercise, task flavour:
//! a `broadcast` channel on the watcher, each call subscribing when it starts: a
//! new receiver sees only what is sent after it subscribed, so no old answer
//! reaches it.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! Answers sent before the call are indeed invisible to it; but a late answer is
//! sent late: the check of an earlier call that passes while this call waits is
//! broadcast to every subscriber, this call included, which takes it as its own.

use std::time::Duration;

use checker::traced;
use tokio::sync::broadcast;
use tokio::time::{Instant, interval_at, timeout};
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // Every answer, to every call waiting when it is sent.
    ready: broadcast::Sender<bool>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        let (ready, _) = broadcast::channel(16);
        Self { probe, tick, ready }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let deadline = Instant::now() + timeout_after;
        let (probe, period) = (self.probe.clone(), self.tick);
        // Subscribed now: nothing sent before this call can reach it.
        let mut answers = self.ready.subscribe();
        let ready_tx = self.ready.clone();
        tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                if ticks.tick().await >= deadline {
                    return;
                }
                if probe.check_async().await {
                    let _ = ready_tx.send(true);
                    return;
                }
            }
        }));
        match timeout(timeout_after, answers.recv()).await {
            Ok(Ok(_)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
