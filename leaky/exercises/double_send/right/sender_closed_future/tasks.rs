//! Right fix for the double-send exercise, task flavour, written
//! differently from `fixed/`: the worker races `Sender::closed()`.
//!
//! Right: the worker ends the moment the call's receiver is dropped.
//!
//! In full: a tokio `mpsc` channel per call with room for both reports, and a
//! worker that races its work against `Sender::closed()`.
//!
//! Why: `closed()` completes the moment the call's receiver is dropped, however the
//! call ends, and the `biased` select then drops the work, check in flight
//! included: the worker ends at once; the caller reads reports until one says
//! ready, so "not yet" is never taken for the answer; the channel is this call's
//! alone.

use std::time::Duration;

use checker::traced;
use tokio::sync::mpsc;
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
        // Room for both reports: neither send can wait.
        let (report_tx, mut report_rx) = mpsc::channel(2);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            tokio::select! {
                biased;
                () = report_tx.closed() => {}
                () = report(&report_tx, &probe, period) => {}
            }
        }));
        let answer = async {
            while let Some(ready) = report_rx.recv().await {
                if ready {
                    return true;
                }
            }
            false
        };
        match timeout(timeout_after, answer).await {
            Ok(true) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}

/// Sends "started, not ready yet", then "ready" once a check passes.
async fn report(reports: &mpsc::Sender<bool>, probe: &Probe, period: Duration) {
    let _ = reports.send(false).await;
    let mut ticks = interval_at(Instant::now() + period, period);
    loop {
        ticks.tick().await;
        if probe.check_async().await {
            let _ = reports.send(true).await;
            return;
        }
    }
}
