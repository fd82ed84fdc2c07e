//! Wrong fix for the double-send exercise, task flavour: the task awaited after the timeout.
//!
//! Breaks: a call returns by its deadline.
//!
//! Awaiting the task's `JoinHandle` after the timeout makes sure it has ended
//! before the call returns. But the task ends only after its second report finds
//! room, and nobody reads it: the call waits past its deadline, for ever.
//!
//! Double send, task flavour: tokio tasks and `async-channel` channels.
//!
//! The worker ticks with tokio's `interval`, and the caller races a report against
//! tokio's `timeout`, just as the Go code does with `select`.

use std::time::Duration;

use async_channel::{Receiver, Sender, bounded};
use checker::traced;
use tokio::time::{Instant, interval_at, timeout};
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // LEAK: one channel for every call, kept by the watcher: its receiving end
    // outlives each call.
    reports: (Sender<bool>, Receiver<bool>),
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, reports: bounded(1) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let (probe, period) = (self.probe.clone(), self.tick);
        let (report_tx, report_rx) = self.reports.clone();
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
        let answer = match timeout(timeout_after, report_rx.recv()).await {
            Ok(Ok(true)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        };
        // WRONG FIX: the task is awaited, so that it cannot outlive the call.
        let _ = worker.await;
        answer
    }
}
