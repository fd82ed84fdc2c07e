//! Wrong fix for the blocked-send exercise, task flavour:
//! no channel in the watcher; instead one answer slot per thread, in a
//! `thread_local!`, since the calls on one thread run one after another.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! It keeps the answers of different threads apart, and the task stops at the
//! deadline; but a thread's calls follow one another (and on a current-thread
//! runtime every call shares the one thread), so an answer that lands after its
//! call gave up is in the slot when the next call looks.

use std::time::Duration;

use async_channel::{Receiver, Sender, bounded};
use checker::traced;
use tokio::time::{Instant, interval_at, timeout};
use workshop::{Probe, TimedOut};

thread_local! {
    // One slot per thread: made once, not at every call.
    static READY: (Sender<bool>, Receiver<bool>) = bounded(1);
}

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
        let deadline = Instant::now() + timeout_after;
        let probe = self.probe.clone();
        let period = self.tick;
        let (ready_tx, ready_rx) = READY.with(|slot| slot.clone());
        tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                // Nobody waits past the deadline: stop there.
                if ticks.tick().await >= deadline {
                    return;
                }
                if probe.check_async().await {
                    // The slot has room: this never waits.
                    let _ = ready_tx.try_send(true);
                    return;
                }
            }
        }));
        match timeout(timeout_after, ready_rx.recv()).await {
            Ok(Ok(_)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
