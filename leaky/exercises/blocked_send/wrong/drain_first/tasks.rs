//! Wrong fix for the blocked-send exercise, task flavour: old answers drained from the channel before waiting.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! Draining takes the late answer left in the slot before this call listens, and
//! lets the task blocked behind it go. But a late answer can also come while this
//! call waits, from a check started for a call that has already timed out: the
//! drain is over by then, and that answer is taken as this call's own.
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
        // WRONG FIX: late answers meant for earlier calls are taken and thrown away
        // first, and the tasks waiting to send them are let go.
        while ready_rx.try_recv().is_ok() {}
        match timeout(timeout_after, ready_rx.recv()).await {
            Ok(_) => Ok(()),
            Err(_) => Err(TimedOut(timeout_after)),
        }
    }
}
