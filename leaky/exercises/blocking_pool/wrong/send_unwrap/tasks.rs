//! Wrong fix for the blocking-pool exercise, task flavour:
//! the job reports every check on a channel to its call, with the send unwrapped:
//! once the call has gone, the send fails, and that ends the loop.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! The loop does end once nobody listens, on any way out of the call, a dropped
//! one's too; but it ends by panicking, at the first report after every call that
//! gives up: a panic on a pool thread, which tokio keeps in a `JoinHandle` nobody
//! reads, and a crash for a program built with `panic = "abort"`.
//!
//! Blocking pool, task flavour: tokio's `spawn_blocking` under a `timeout`.
//!
//! The blocking loop ticks with crossbeam's `tick`, and the caller races the job
//! against tokio's `timeout`.

use std::time::Duration;

use crossbeam_channel::tick;
use tokio::sync::mpsc;
use tokio::time::timeout;
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
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        // WRONG FIX: the job reports to this call, and only to it.
        let (report_tx, mut reports) = mpsc::channel(1);
        // The check blocks its thread: it runs on tokio's blocking pool.
        tokio::task::spawn_blocking(move || {
            for _ in ticks {
                let ready = probe.check();
                // WRONG FIX: every check is reported; once the call is gone the
                // send fails, and the job with it.
                report_tx.blocking_send(ready).unwrap();
                if ready {
                    return;
                }
            }
        });
        // Reports are read until one says ready.
        let answer = async {
            while let Some(ready) = reports.recv().await {
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
