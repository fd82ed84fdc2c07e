//! Wrong fix for the blocked-send exercise, task flavour: the watcher's channel made unbounded.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! An unbounded channel always has room, so no send ever waits and no task is
//! stuck. But the channel is still the watcher's, shared by every call: a late
//! answer waits in it, and the next call takes it as its own, "ready" on the word
//! of a check made for a call that gave up. This is the stale answer pattern.
//!
//! Blocked send, task flavour: tokio tasks and `async-channel` channels.
//!
//! The worker ticks with tokio's `interval`, and the caller races the worker's
//! answer against tokio's `timeout`, just as the Go code does with `select`.

use std::time::Duration;

use async_channel::{Receiver, Sender, unbounded};
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
        // WRONG FIX: room for every answer, so that no send waits.
        Self { probe, tick, ready: unbounded() }
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
        match timeout(timeout_after, ready_rx.recv()).await {
            Ok(_) => Ok(()),
            Err(_) => Err(TimedOut(timeout_after)),
        }
    }
}
