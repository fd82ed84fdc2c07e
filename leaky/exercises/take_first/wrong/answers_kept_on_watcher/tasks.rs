//! Wrong fix for the take-first exercise, task flavour:
//! a `JoinSet` per call, and one answer channel, with room, on the watcher.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! In full: the replicas in a `JoinSet` the call owns, so that they are aborted
//! when it returns, and one answer channel, with room for every replica, kept on
//! the watcher.
//!
//! No replica outlives its call, and no send can wait. But the replicas of a call
//! check at the same ticks, so when the service is up all of them pass, and all of
//! them send before the caller is back to read: it takes one answer and leaves the
//! rest in the watcher's channel. The next call finds them there and says ready at
//! once, from checks that started before it asked, even if the service is now down.

use std::time::Duration;

use async_channel::{Receiver, Sender, bounded};
use checker::traced;
use tokio::task::JoinSet;
use tokio::time::{Instant, interval_at, timeout};
use workshop::{Probe, TimedOut};

use super::REPLICAS;

/// Waits for a service to become ready, asking every replica at once.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    /// Room for every replica's answer, made once rather than on every call.
    ready: (Sender<bool>, Receiver<bool>),
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, ready: bounded(REPLICAS) }
    }

    /// Waits until the first replica's probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let (ready_tx, ready_rx) = self.ready.clone();
        // Dropped when this call returns: its replicas are aborted with it.
        let mut replicas = JoinSet::new();
        for _ in 0..REPLICAS {
            let (probe, period) = (self.probe.clone(), self.tick);
            let ready_tx = ready_tx.clone();
            // (`traced` changes nothing: it lets the checker say where a task
            // waits.)
            replicas.spawn(traced(async move {
                let mut ticks = interval_at(Instant::now() + period, period);
                loop {
                    ticks.tick().await;
                    if probe.check_async().await {
                        let _ = ready_tx.send(true).await;
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
