//! Wrong fix for the unclosed-channel exercise, task flavour:
//! the call closes a channel with `close()` when done: the answer channel.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! In full: the call closes a channel explicitly when it is done, with
//! `async-channel`'s `close()`, which needs no cooperation from the other senders.
//!
//! `close()` is a real way out of the receive loop, whoever still holds a sender.
//! But the call closes its answer channel, `ready`, the one it was reading, and not
//! the request queue the worker loops on. The worker's `try_send` of an answer now
//! fails, which changes nothing: its `retry` keeps the queue open, and a worker
//! whose service never comes up serves its own retries forever.

use std::time::Duration;

use async_channel::bounded;
use checker::traced;
use tokio::time::{Instant, interval_at, sleep};
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
        let probe = self.probe.clone();
        let (check_tx, check_rx) = bounded::<()>(1);
        let (ready_tx, ready_rx) = bounded(1);
        let retry = check_tx.clone();
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            while let Ok(()) = check_rx.recv().await {
                let ready = probe.check_async().await;
                while check_rx.try_recv().is_ok() {}
                if ready {
                    let _ = ready_tx.try_send(true);
                } else {
                    let _ = retry.try_send(());
                }
            }
        }));
        let mut ticks = interval_at(Instant::now() + self.tick, self.tick);
        let give_up = sleep(timeout_after);
        tokio::pin!(give_up);
        let answer = loop {
            tokio::select! {
                _ = ticks.tick() => { let _ = check_tx.try_send(()); }
                Ok(_) = ready_rx.recv() => break Ok(()),
                () = &mut give_up => break Err(TimedOut(timeout_after)),
            }
        };
        // Close the channel, whoever still holds a sender: the worker's loop ends.
        ready_rx.close();
        answer
    }
}
