//! Wrong fix for the unclosed-channel exercise, task flavour:
//! close the request queue explicitly with `close()` once the answer is in, whoever
//! still holds a sender.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! `close()` does end the worker's loop however many senders there are, and the
//! happy path is the one every demo shows; but it sits in the answered arm only: a
//! call that times out, or is dropped, leaves the queue open, and the worker
//! retrying for ever.

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
        let retry = check_tx.clone();
        tokio::spawn(traced(async move {
            // Serves requests until the queue is closed.
            while let Ok(()) = check_rx.recv().await {
                let ready = probe.check_async().await;
                // Requests that came during the check are answered by it.
                while check_rx.try_recv().is_ok() {}
                if ready {
                    let _ = ready_tx.try_send(true);
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
                Ok(_) = ready_rx.recv() => {
                    // Answered: close the queue, and the worker's loop ends.
                    check_tx.close();
                    return Ok(());
                }
                () = &mut give_up => return Err(TimedOut(timeout_after)),
            }
        }
    }
}
