//! Wrong fix for the blocked-send exercise, task flavour: the timeout made 300 times longer.
//!
//! Breaks: a call returns by its deadline.
//!
//! A timeout long enough for the slow check to finish means the answer is always
//! received, so no task is left stuck on its send. But the call no longer returns
//! by the deadline its caller asked for: it waits for the check, 10 s against a 1 s
//! deadline, or for ever when the service never comes up. Tokio's paused clock
//! measures the wait.
//!
//! Blocked send, task flavour: tokio tasks and `async-channel` channels.
//!
//! The worker ticks with tokio's `interval`, and the caller races the worker's
//! answer against tokio's `timeout`, just as the Go code does with `select`.

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
    // outlives each call that gives up.
    ready: (Sender<bool>, Receiver<bool>),
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        // The smallest `async-channel`: it has no unbuffered one. The first late
        // answer fits in the slot; every later one waits for room.
        Self { probe, tick, ready: bounded(1) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let probe = self.probe.clone();
        let period = self.tick;
        let (ready_tx, ready_rx) = self.ready.clone();
        // Dropping a `JoinHandle` detaches the task; it does not stop it. (`traced`
        // changes nothing: it lets the checker's report say where a task waits.)
        tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                if probe.check_async().await {
                    // LEAK: nobody receives after a timeout, and the watcher
                    // keeps the receiver alive: this send waits forever.
                    let _ = ready_tx.send(true).await;
                    return;
                }
            }
        }));
        // WRONG FIX: time enough for the slowest check, so that every answer is
        // received.
        match timeout(timeout_after * 300, ready_rx.recv()).await {
            Ok(_) => Ok(()),
            Err(_) => Err(TimedOut(timeout_after)),
        }
    }
}
