//! Wrong fix for the double-send exercise, task flavour: a channel per call, read until ready, the task aborted on timeout.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! A channel per call read until "ready", and the task aborted on the path where
//! the call gives up: a call that times out leaves nothing. But when the caller
//! drops the call's future before its deadline (an outer `timeout`, a `select!`),
//! that path never runs, and the task ticks on after its call has gone, for ever
//! when the service never comes up.
//!
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
        // WRONG FIX: a channel for this call only.
        let (report_tx, report_rx) = bounded(1);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        let worker = tokio::spawn(traced(async move {
            // The first report: started, not ready yet.
            let _ = report_tx.send(false).await;
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                if probe.check_async().await {
                    // LEAK: the caller read one report and left: this second send
                    // waits for room forever.
                    let _ = report_tx.send(true).await;
                    return;
                }
            }
        }));
        // LEAK: one report is read, whatever it says; the rest are left unread.
        // WRONG FIX: reports are read until one says ready.
        let ready = async { while report_rx.recv().await != Ok(true) {} };
        match timeout(timeout_after, ready).await {
            Ok(()) => Ok(()),
            Err(_) => {
                // WRONG FIX: a call that gives up stops its task.
                worker.abort();
                Err(TimedOut(timeout_after))
            }
        }
    }
}
