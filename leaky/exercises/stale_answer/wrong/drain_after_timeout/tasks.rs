//! Wrong fix for the stale-answer exercise, task flavour: the channel drained by a call that gives up.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! A call that times out clears the channel on its way out, so that it leaves no
//! answer behind for the next call. But its task's answer is not there yet: it
//! comes when the slow check finishes, after the drain, and waits in the shared
//! channel for whichever call is next, which says ready on the word of a check made
//! for another.
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
        Self { probe, tick, ready: unbounded() }
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
            Err(_) => {
                // WRONG FIX: a call that gives up clears the channel behind it.
                while ready_rx.try_recv().is_ok() {}
                Err(TimedOut(timeout_after))
            }
        }
    }
}
