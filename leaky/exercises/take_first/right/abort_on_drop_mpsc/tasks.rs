//! Right fix for the take-first exercise, task flavour, written
//! differently from `fixed/`: a `Vec` of `AbortOnDropHandle`s, `mpsc`.
//!
//! Right: every send finds room, and the `Vec`'s drop aborts every replica.
//!
//! In full: a tokio `mpsc` channel per call with a slot for every replica, and the
//! replicas' handles kept as tokio-util `AbortOnDropHandle`s in a `Vec` the call
//! owns.
//!
//! Why: every send finds room, so no replica waits on one; the channel is this
//! call's alone; the `Vec` is dropped however the call ends, its future dropped
//! included, and each handle aborts its replica at its next `.await`.

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
        let (ready_tx, mut ready_rx) = mpsc::channel(REPLICAS);
        let _replicas: Vec<AbortOnDropHandle<()>> = (0..REPLICAS)
            .map(|_| {
                let (probe, period) = (self.probe.clone(), self.tick);
                let ready_tx = ready_tx.clone();
                // (`traced` changes nothing: it lets the checker say where a task
                // waits.)
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
