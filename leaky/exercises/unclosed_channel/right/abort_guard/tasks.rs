//! Right fix for the unclosed-channel exercise, task flavour, written
//! differently from `fixed/`: the worker left exactly as it was, `retry` and all,
//! but held in an `AbortOnDropHandle` that the call keeps until it returns.
//!
//! Right: a queue that never closes cannot keep an aborted task: the handle is
//! dropped on every way out of the call (answered, timed out, or the future
//! dropped), and the task is aborted at its next `.await`, mid-request or
//! mid-check; both channels are the call's own.

use std::time::Duration;

use async_channel::bounded;
use checker::traced;
use tokio::time::{Instant, interval_at, sleep};
use tokio_util::task::AbortOnDropHandle;
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
        // The worker keeps a sender to its own queue, so the queue never closes: the
        // worker ends when the call drops its handle instead.
        let retry = check_tx.clone();
        let _worker = AbortOnDropHandle::new(tokio::spawn(traced(async move {
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
        })));
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
