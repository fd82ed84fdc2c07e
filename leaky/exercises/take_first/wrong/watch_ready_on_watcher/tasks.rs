//! Wrong fix for the take-first exercise, task flavour:
//! a `watch` channel on the watcher that the replicas set to "ready", so that every
//! waiting call sees the latest state at once.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! A watch channel is the textbook "latest state" broadcast, and the replicas are
//! owned by the call's `JoinSet`; but the state outlives the calls: once one call
//! has seen the service up, every later call is told "ready" at once, even after it
//! went down.

use std::time::Duration;

use checker::traced;
use tokio::sync::watch;
use tokio::task::JoinSet;
use tokio::time::{Instant, interval_at, timeout};
use workshop::{Probe, TimedOut};

use super::REPLICAS;

/// Waits for a service to become ready, asking every replica at once.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // Whether the service is up, as the replicas last saw it.
    ready: watch::Sender<bool>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, ready: watch::Sender::new(false) }
    }

    /// Waits until the first replica's probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let mut state = self.ready.subscribe();
        // The replicas belong to this call: dropped with it, they are aborted.
        let mut replicas = JoinSet::new();
        for _ in 0..REPLICAS {
            let (probe, period) = (self.probe.clone(), self.tick);
            let ready = self.ready.clone();
            replicas.spawn(traced(async move {
                let mut ticks = interval_at(Instant::now() + period, period);
                loop {
                    ticks.tick().await;
                    if probe.check_async().await {
                        ready.send_replace(true);
                        return;
                    }
                }
            }));
        }
        match timeout(timeout_after, state.wait_for(|ready| *ready)).await {
            Ok(Ok(_)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
