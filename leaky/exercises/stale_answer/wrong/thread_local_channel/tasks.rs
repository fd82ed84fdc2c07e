//! Wrong fix for the stale-answer exercise, task flavour:
//! no channel on the watcher; one channel per thread instead, in a
//! `thread_local!`, since a thread's calls never overlap, and a task that stops at
//! the deadline.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! Two threads never share a channel; but tasks are not threads: on a
//! current-thread runtime every call runs on the one thread, and shares the one
//! channel, so an answer that lands after its call gave up waits there, and the
//! next call takes it as its own, exactly as with the watcher's channel.
//!
//! Stale answer, task flavour: tokio tasks and `async-channel` channels.
//!
//! The worker ticks with tokio's `interval`, and the caller races the worker's
//! answer against tokio's `timeout`, just as the Go code does with `select`.

use std::time::Duration;

use async_channel::{Receiver, Sender, unbounded};
use checker::traced;
use tokio::time::{Instant, interval_at, timeout};
use workshop::{Probe, TimedOut};

thread_local! {
    // WRONG FIX: one channel per thread, made once: a thread makes one call at a
    // time.
    static READY: (Sender<bool>, Receiver<bool>) = unbounded();
}

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
        let deadline = Instant::now() + timeout_after;
        let (probe, period) = (self.probe.clone(), self.tick);
        let (ready_tx, ready_rx) = READY.with(|ready| ready.clone());
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                // Nobody waits past the deadline: stop there.
                if Instant::now() >= deadline {
                    return;
                }
                if probe.check_async().await {
                    let _ = ready_tx.send(true).await;
                    return;
                }
            }
        }));
        match timeout(timeout_after, ready_rx.recv()).await {
            Ok(Ok(_)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
