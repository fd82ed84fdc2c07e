//! Wrong fix for the unclosed-channel exercise, task flavour:
//! the worker keeps no sender of its own, so the queue closes with the call; and
//! since the answer's channel has a slot, its send is simply unwrapped.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! The queue closes and the worker ends with its call, as in the fix; but a send
//! into a slot fails for two more reasons than a full slot: a check that passes
//! after its call gave up finds the answer's receiver gone, and one that passes
//! after another already answered finds the slot taken. Either way the `unwrap`
//! panics in the task, which tokio keeps in a `JoinHandle` nobody reads.
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
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            // Serves requests until every sender is gone.
            // WRONG FIX: the worker keeps no sender: when the call returns, its
            // sender, the only one, goes, and this loop ends.
            while let Ok(()) = check_rx.recv().await {
                let ready = probe.check_async().await;
                // Requests that came during the check are answered by it.
                while check_rx.try_recv().is_ok() {}
                if ready {
                    // WRONG FIX: the answer has a slot: this cannot fail.
                    ready_tx.try_send(true).unwrap();
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
