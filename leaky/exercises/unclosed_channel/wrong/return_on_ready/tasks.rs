//! Wrong fix for the unclosed-channel exercise, task flavour: the task ends once it has answered ready.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! Once it has answered "ready", the task has nothing left to do, so it returns,
//! and its `retry` sender goes with it. But when the service never comes up, it
//! never answers: it keeps putting a retry in its own queue, which therefore never
//! closes, and re-checks for ever after its call has gone.
//!
//! Unclosed channel, task flavour: tokio tasks and `async-channel` channels.
//!
//! The caller ticks with tokio's `interval` and races the worker's answer against a
//! deadline in `select!`; the worker serves one check per request.

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
        // Requests to check, one a tick, and the answer, for this call.
        let (check_tx, check_rx) = bounded::<()>(1);
        let (ready_tx, ready_rx) = bounded(1);
        // LEAK: the worker keeps a sender to its own queue, so the queue never
        // closes, and the loop below never ends.
        let retry = check_tx.clone();
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            // Serves requests until every sender is gone.
            while let Ok(()) = check_rx.recv().await {
                let ready = probe.check_async().await;
                // Requests that came during the check are answered by it.
                while check_rx.try_recv().is_ok() {}
                if ready {
                    let _ = ready_tx.try_send(true);
                    // WRONG FIX: answered, the task is done.
                    return;
                } else {
                    // Not yet: check again, without waiting for a request.
                    let _ = retry.try_send(());
                }
            }
        }));
        let mut ticks = interval_at(Instant::now() + self.tick, self.tick);
        let give_up = sleep(timeout_after);
        tokio::pin!(give_up);
        loop {
            tokio::select! {
                _ = ticks.tick() => { let _ = check_tx.try_send(()); }
                Ok(_) = ready_rx.recv() => return Ok(()),
                () = &mut give_up => return Err(TimedOut(timeout_after)),
            }
        }
    }
}
