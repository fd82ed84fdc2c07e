//! Wrong fix for the take-first exercise, task flavour:
//! a channel per call with room for every answer, and the replicas' handles kept so
//! that they are aborted when the call times out.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! Answered, the other replicas find room for their answers and end; timed out,
//! they are aborted: both arms of the `match` are right. But a future dropped by
//! its caller reaches neither arm, and its replicas, service never up, tick on for
//! ever.

use std::time::Duration;

use async_channel::bounded;
use checker::traced;
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
        // Room for every answer: no send ever waits.
        let (ready_tx, ready_rx) = bounded(REPLICAS);
        let mut replicas = Vec::with_capacity(REPLICAS);
        for _ in 0..REPLICAS {
            let (probe, period) = (self.probe.clone(), self.tick);
            let ready_tx = ready_tx.clone();
            replicas.push(tokio::spawn(traced(async move {
                let mut ticks = interval_at(Instant::now() + period, period);
                loop {
                    ticks.tick().await;
                    if probe.check_async().await {
                        let _ = ready_tx.send(true).await;
                        return;
                    }
                }
            })));
        }
        match timeout(timeout_after, ready_rx.recv()).await {
            Ok(_) => Ok(()),
            Err(_) => {
                // Nobody answered in time: stop them all.
                for replica in &replicas {
                    replica.abort();
                }
                Err(TimedOut(timeout_after))
            }
        }
    }
}
