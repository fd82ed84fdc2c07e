//! Right fix for the take-first exercise, task flavour, written
//! differently from `fixed/`: each replica held in an `AbortOnDropHandle` kept by
//! the call, and the answers on a tokio `mpsc` channel of the call's own with room
//! for all of them.
//!
//! Right: the handles are dropped on every way out of the call (first answer,
//! timeout, or the future dropped), which aborts every replica still ticking or
//! checking; and a replica's `try_send` never waits, into a channel no other call
//! reads.

use std::time::Duration;

use checker::traced;
use tokio::sync::mpsc;
use tokio::time::{Instant, interval_at, timeout};
use tokio_util::task::AbortOnDropHandle;
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
        // Room for every answer, for this call only.
        let (ready_tx, mut ready_rx) = mpsc::channel(REPLICAS);
        // Aborted, each of them, when this vector is dropped with the call.
        let _replicas: Vec<AbortOnDropHandle<()>> = (0..REPLICAS)
            .map(|_| {
                let (probe, period) = (self.probe.clone(), self.tick);
                let ready_tx = ready_tx.clone();
                AbortOnDropHandle::new(tokio::spawn(traced(async move {
                    let mut ticks = interval_at(Instant::now() + period, period);
                    loop {
                        ticks.tick().await;
                        if probe.check_async().await {
                            let _ = ready_tx.try_send(());
                            return;
                        }
                    }
                })))
            })
            .collect();
        drop(ready_tx);
        match timeout(timeout_after, ready_rx.recv()).await {
            Ok(Some(())) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
