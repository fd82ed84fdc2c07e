//! Right fix for the take-first exercise, task flavour, written
//! differently from `fixed/`: replicas raced in the call by `poll_fn`.
//!
//! Right: nothing is spawned: the replicas are dropped with the call's future.
//!
//! In full: no task at all; the replicas are futures the call races itself, with
//! `std::future::poll_fn`, under tokio's `timeout`.
//!
//! Why: nothing is spawned, so nothing can outlive the call: when the first replica
//! passes, or the deadline comes, or the caller drops the call's future, every
//! replica is dropped with the race, its ticker and check in flight included; no
//! channel, so no answer can reach another call.

use std::future::{Future, poll_fn};
use std::pin::Pin;
use std::task::Poll;
use std::time::Duration;

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
        let replicas = (0..REPLICAS)
            .map(|_| Box::pin(replica(&self.probe, self.tick)))
            .collect();
        match timeout(timeout_after, first_of(replicas)).await {
            Ok(()) => Ok(()),
            Err(_) => Err(TimedOut(timeout_after)),
        }
    }
}

/// One replica: checks every `period` until a check passes.
async fn replica(probe: &Probe, period: Duration) {
    let mut ticks = interval_at(Instant::now() + period, period);
    loop {
        ticks.tick().await;
        if probe.check_async().await {
            return;
        }
    }
}

/// Polls every future in turn, on this task, and is done when the first one is.
async fn first_of<F: Future<Output = ()>>(mut racers: Vec<Pin<Box<F>>>) {
    poll_fn(|cx| {
        if racers.iter_mut().any(|racer| racer.as_mut().poll(cx).is_ready()) {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    })
    .await
}
