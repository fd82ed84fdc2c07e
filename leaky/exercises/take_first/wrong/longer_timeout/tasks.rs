//! Wrong fix for the take-first exercise, task flavour: the timeout made 300 times longer.
//!
//! Breaks: a call returns by its deadline.
//!
//! With time enough, a replica's check always finishes and its answer is read. But
//! the call no longer returns by the deadline its caller asked for: it waits for
//! the slow check, or for ever when the service never comes up. Tokio's paused
//! clock measures the wait without making the check wait for it.
//!
//! Take first, task flavour: tokio tasks and `async-channel` channels.
//!
//! The workers tick with tokio's `interval`, and the caller races the first answer
//! against tokio's `timeout`, just as the Go code does with `select`.

use std::time::Duration;

use async_channel::{Receiver, Sender, bounded};
use checker::traced;
use tokio::time::{Instant, interval_at, timeout};
use workshop::{Probe, TimedOut};

use super::REPLICAS;

/// Waits for a service to become ready, asking every replica at once.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // LEAK: one channel for every call, kept by the watcher: its receiving end
    // outlives each call, answered or not.
    ready: (Sender<bool>, Receiver<bool>),
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, ready: bounded(1) }
    }

    /// Waits until the first replica's probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let (ready_tx, ready_rx) = self.ready.clone();
        for _ in 0..REPLICAS {
            let (probe, period) = (self.probe.clone(), self.tick);
            let ready_tx = ready_tx.clone();
            // (`traced` changes nothing: it lets the checker say where a task waits.)
            tokio::spawn(traced(async move {
                let mut ticks = interval_at(Instant::now() + period, period);
                loop {
                    ticks.tick().await;
                    if probe.check_async().await {
                        // LEAK: one answer is read; every other send waits for
                        // room forever.
                        let _ = ready_tx.send(true).await;
                        return;
                    }
                }
            }));
        }
        // WRONG FIX: time enough for the slowest replica.
        match timeout(timeout_after * 300, ready_rx.recv()).await {
            Ok(_) => Ok(()),
            Err(_) => Err(TimedOut(timeout_after)),
        }
    }
}
