//! Double send, task flavour: tokio tasks and `async-channel` channels.
//!
//! The worker ticks with tokio's `interval`, and the caller races a report against
//! tokio's `timeout`, just as the Go code does with `select`.

use std::time::Duration;

use async_channel::bounded;
use checker::traced;
use tokio::time::{Instant, interval_at, timeout};
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // FIX: no channel kept here: each call makes its own.
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
        // FIX: the worker is given the call's deadline.
        let deadline = Instant::now() + timeout_after;
        let (probe, period) = (self.probe.clone(), self.tick);
        // FIX: a channel for this call only: once the call returns, its receiver
        // is gone, and a send fails at once.
        let (report_tx, report_rx) = bounded(1);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            // The first report: started, not ready yet.
            // FIX: a send that fails means nobody listens any more: stop.
            if report_tx.send(false).await.is_err() {
                return;
            }
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                // FIX: at the deadline the task stops: a check that never
                // passes cannot keep it ticking once its caller has gone.
                ticks.tick().await;
                // The clock, not the tick: a tick says when it was due, and after a
                // slow check tokio's `Interval` hands out the missed ones at once.
                if Instant::now() >= deadline {
                    return;
                }
                if probe.check_async().await {
                    let _ = report_tx.send(true).await;
                    return;
                }
            }
        }));
        // FIX: reports are read until one says ready, or the deadline comes.
        let answer = async {
            while !report_rx.recv().await? {}
            Ok::<(), async_channel::RecvError>(())
        };
        match timeout(timeout_after, answer).await {
            Ok(Ok(())) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
