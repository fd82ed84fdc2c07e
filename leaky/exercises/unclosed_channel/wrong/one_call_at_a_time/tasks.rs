//! Wrong fix for the unclosed-channel exercise, task flavour:
//! the worker keeps no sender, and an async lock on the watcher lets one call at a
//! time send requests, so that two calls never double the load on the service.
//!
//! Breaks: a call returns by its deadline.
//!
//! Each call's worker ends with it, and one call after another nothing changes; but
//! calls made at once wait for the lock before their deadline even starts: the
//! second returns up to a whole timeout late.

use std::time::Duration;

use async_channel::bounded;
use checker::traced;
use tokio::sync::Mutex;
use tokio::time::{Instant, interval_at, sleep};
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // Held by the call under way.
    one_at_a_time: Mutex<()>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, one_at_a_time: Mutex::new(()) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let _turn = self.one_at_a_time.lock().await;
        let probe = self.probe.clone();
        // Requests to check, one a tick, and the answer, for this call.
        let (check_tx, check_rx) = bounded::<()>(1);
        let (ready_tx, ready_rx) = bounded(1);
        tokio::spawn(traced(async move {
            // Serves requests until the call's sender, the only one, is gone.
            while let Ok(()) = check_rx.recv().await {
                let ready = probe.check_async().await;
                // Requests that came during the check are answered by it.
                while check_rx.try_recv().is_ok() {}
                if ready {
                    let _ = ready_tx.try_send(true);
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
