//! Right fix for the unclosed-channel exercise, task flavour, written
//! differently from `fixed/`: a guard `close()`s the request queue.
//!
//! Right: `close()` closes the queue whoever holds a sender, however the call ends.
//!
//! In full: the worker keeps its `retry` sender, and a guard closes the request
//! queue with `async-channel`'s `close()` when the call ends.
//!
//! Why: `close()` closes the queue whoever still holds a sender, and the guard runs
//! however the call ends, its future dropped included; after the check in flight
//! the worker drains what is left, its retry fails, and `recv()` ends the loop; the
//! answer channel is this call's alone.

use std::time::Duration;

use async_channel::{Sender, bounded};
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
        // Closes the queue when the call ends, however it ends.
        let _close_on_return = CloseOnDrop(check_tx.clone());
        let retry = check_tx.clone();
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            // Serves requests until the queue is closed.
            while let Ok(()) = check_rx.recv().await {
                let ready = probe.check_async().await;
                // Requests that came during the check are answered by it.
                while check_rx.try_recv().is_ok() {}
                if ready {
                    let _ = ready_tx.try_send(true);
                } else {
                    // Not yet: check again. Fails once the queue is closed.
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

/// Closes its channel when dropped, whoever else still holds a sender.
struct CloseOnDrop(Sender<()>);

impl Drop for CloseOnDrop {
    fn drop(&mut self) {
        self.0.close();
    }
}
