//! Wrong fix for the endless-ticker exercise, task flavour:
//! the task reports every check, and its send is unwrapped: once the caller has
//! gone, the send fails, and that ends the loop.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! The loop does end once nobody listens, as in the fix that stops at a closed
//! channel; but it ends by panicking, at the first report after every timeout: a
//! panic in a task the call started, which tokio keeps in a `JoinHandle` nobody
//! reads, and a crash for a program built with `panic = "abort"`.
//!
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
        // A channel for this call, with room for one report.
        let (ready_tx, ready_rx) = bounded(1);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                let ready = probe.check_async().await;
                // WRONG FIX: every check is reported; once the caller is gone the
                // send fails, and the task with it.
                ready_tx.send(ready).await.unwrap();
                if ready {
                    return;
                }
            }
        }));
        // WRONG FIX: reports are read until one says ready.
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
