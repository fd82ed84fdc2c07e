//! Wrong fix for the unclosed-channel exercise, task flavour:
//! the worker keeps its `retry` sender, but retries at most 200 times, so that a
//! service that never comes up cannot keep it serving for ever.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! The loop has an end now; but the end is the worker's own, not its call's: after
//! a call that gives up, the worker goes on retrying on its own, 200 checks one
//! after another, long after nobody waits for the answer, and calls in a row stack
//! the workers up.
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

/// At most this many retries per call: enough for any service worth waiting for.
const MAX_RETRIES: usize = 200;

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
        // WRONG FIX: the worker's sender is dropped after MAX_RETRIES retries.
        let mut retry = Some(check_tx.clone());
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            let mut retries = 0;
            // Serves requests until every sender is gone.
            while let Ok(()) = check_rx.recv().await {
                let ready = probe.check_async().await;
                // Requests that came during the check are answered by it.
                while check_rx.try_recv().is_ok() {}
                if ready {
                    let _ = ready_tx.try_send(true);
                } else if let Some(sender) = &retry {
                    // Not yet: check again, without waiting for a request.
                    let _ = sender.try_send(());
                    retries += 1;
                    if retries == MAX_RETRIES {
                        retry = None;
                    }
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
