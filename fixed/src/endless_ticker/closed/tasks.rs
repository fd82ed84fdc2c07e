//! Endless ticker, task flavour: tokio tasks and `async-channel` channels.
//!
//! The worker ticks with tokio's `interval`, and the caller races the worker's
//! answer against tokio's `timeout`, just as the Go code does with `select`.

use std::time::Duration;

use async_channel::bounded;
use checker::traced;
use tokio::time::{Instant, interval_at, timeout};
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let (probe, period) = (self.probe.clone(), self.tick);
        // A channel for this call, with room for one report: once the call
        // returns, its receiver is gone, and a send fails at once.
        let (ready_tx, ready_rx) = bounded(1);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                let ready = probe.check_async().await;
                // FIX: a second way out: report every check, and stop at the first
                // report nobody can receive.
                if ready_tx.send(ready).await.is_err() || ready {
                    return;
                }
            }
        }));
        // The first "ready"; `Err` if the worker is gone without one.
        let answer = async {
            while !ready_rx.recv().await? {}
            Ok::<(), async_channel::RecvError>(())
        };
        match timeout(timeout_after, answer).await {
            Ok(Ok(())) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
