//! Wrong fix for the take-first exercise, task flavour:
//! the replicas in a `JoinSet` owned by the call, and an async lock on the watcher
//! so that only one call at a time sets replicas on the service.
//!
//! Breaks: a call returns by its deadline.
//!
//! Every replica is aborted once its call is over, and two callers never triple the
//! load on the service together; but a call now waits for the lock before its own
//! time starts: calls made together are answered one after another, and the second
//! comes back a whole timeout after its deadline.
//!
//! Take first, task flavour: tokio tasks and `async-channel` channels.
//!
//! The workers tick with tokio's `interval`, and the caller races the first answer
//! against tokio's `timeout`, just as the Go code does with `select`.

use std::time::Duration;

use checker::traced;
use tokio::sync::Mutex;
use tokio::task::JoinSet;
use tokio::time::{Instant, interval_at, timeout};
use workshop::{Probe, TimedOut};

use super::REPLICAS;

/// Waits for a service to become ready, asking every replica at once.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // WRONG FIX: held for the whole of a call: one call at a time asks.
    turn: Mutex<()>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, turn: Mutex::new(()) }
    }

    /// Waits until the first replica's probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        // WRONG FIX: wait for the calls before this one to be done.
        let _turn = self.turn.lock().await;
        // WRONG FIX: the replicas belong to this call's `JoinSet`: dropped when
        // the call returns, it aborts them.
        let mut replicas = JoinSet::new();
        for _ in 0..REPLICAS {
            let (probe, period) = (self.probe.clone(), self.tick);
            // (`traced` changes nothing: it lets the checker say where a task
            // waits.)
            replicas.spawn(traced(async move {
                let mut ticks = interval_at(Instant::now() + period, period);
                loop {
                    ticks.tick().await;
                    if probe.check_async().await {
                        return;
                    }
                }
            }));
        }
        match timeout(timeout_after, replicas.join_next()).await {
            Ok(Some(Ok(()))) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
