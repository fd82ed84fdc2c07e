//! Wrong fix for the blocked-send exercise, task flavour: the task's `send` made a `try_send`.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! A send that cannot wait cannot leave the task stuck: with the slot full, the
//! answer is dropped and the task ends. But the slot is the watcher's, shared by
//! every call: the first late answer of a call that gave up lands there, and the
//! next call takes it as its own. (A task whose service never comes up still ticks
//! forever.)
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
                    // WRONG FIX: a send that never waits: with the slot full, the
                    // answer is dropped and the task ends.
                    let _ = ready_tx.try_send(true);
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
