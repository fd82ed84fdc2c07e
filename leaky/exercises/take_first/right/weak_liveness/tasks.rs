//! Right fix for the take-first exercise, task flavour, written
//! differently from `fixed/`: a liveness token per call (an `Arc<()>` the call
//! holds) and replicas that hold only a `Weak` to it and stop at the first tick
//! after it is gone.
//!
//! Right: the token is dropped on every way out of the call, the future dropped
//! included, and each replica looks at it before every check, so it ends within the
//! check in flight and one tick; nothing is shared between calls (token and answer
//! channel are the call's own), and a late `try_send` fails at once.

use std::sync::{Arc, Weak};
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
        // Alive as long as this call is.
        let alive = Arc::new(());
        // Room for every answer, for this call only.
        let (ready_tx, ready_rx) = bounded(REPLICAS);
        for _ in 0..REPLICAS {
            let (probe, period) = (self.probe.clone(), self.tick);
            let (ready_tx, caller) = (ready_tx.clone(), Arc::downgrade(&alive));
            tokio::spawn(traced(async move {
                let mut ticks = interval_at(Instant::now() + period, period);
                loop {
                    ticks.tick().await;
                    // The call is gone: so is the reason to check.
                    if Weak::strong_count(&caller) == 0 {
                        return;
                    }
                    if probe.check_async().await {
                        let _ = ready_tx.try_send(());
                        return;
                    }
                }
            }));
        }
        match timeout(timeout_after, ready_rx.recv()).await {
            Ok(Ok(())) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
