//! Wrong fix for the stale-answer exercise, task flavour: the watcher's channel given one slot.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! With one slot instead of unbounded room, answers can no longer pile up in the
//! channel. But one late answer still fits in the slot and waits there for the next
//! call, which takes it as its own; and the tasks behind it wait for room. This is
//! the blocked send pattern, leak included.
//!
//! Stale answer, task flavour: tokio tasks and `async-channel` channels.
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
    // WRONG: one channel for every call, with room for every answer: no send
    // waits, and a late answer waits in the channel for the next call.
    ready: (Sender<bool>, Receiver<bool>),
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        // WRONG FIX: one slot, so that answers cannot pile up.
        Self { probe, tick, ready: bounded(1) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let (probe, period) = (self.probe.clone(), self.tick);
        let (ready_tx, ready_rx) = self.ready.clone();
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                if probe.check_async().await {
                    let _ = ready_tx.send(true).await;
                    return;
                }
            }
        }));
        // WRONG: the first answer in the channel is taken, whichever call it was
        // meant for.
        match timeout(timeout_after, ready_rx.recv()).await {
            Ok(_) => Ok(()),
            Err(_) => Err(TimedOut(timeout_after)),
        }
    }
}
