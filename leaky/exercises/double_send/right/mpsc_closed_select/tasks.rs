//! Right fix for the double-send exercise, task flavour, written
//! differently from `fixed/`: both reports on a tokio `mpsc` channel of the call's
//! own, the caller reading until one says ready, and the task racing its work
//! against `Sender::closed()`.
//!
//! Right: `closed()` resolves as soon as the call's receiver is dropped, on every
//! way out of the call (answered, timed out, or the future dropped), and the
//! `select!` then drops the work mid-tick, mid-check or mid-send: the task ends at
//! once; the reports go to this call only, and "not yet" is read as not yet.

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
        let (report_tx, mut report_rx) = mpsc::channel(2);
        tokio::spawn(traced(async move {
            let work = async {
                // The first report: started, not ready yet.
                if report_tx.send(false).await.is_err() {
                    return;
                }
                let mut ticks = interval_at(Instant::now() + period, period);
                loop {
                    ticks.tick().await;
                    if probe.check_async().await {
                        let _ = report_tx.send(true).await;
                        return;
                    }
                }
            };
            // Whichever comes first: the work is done, or nobody listens any more.
            tokio::select! {
                () = work => {}
                () = report_tx.closed() => {}
            }
        }));
        // Reports are read until one says ready, or the deadline comes.
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
