//! Wrong fix for the unclosed-channel exercise, task flavour:
//! the worker keeps no sender of its own, so the queue closes with the call; and
//! the answer's channel, which need not close, is made once per thread, in a
//! `thread_local!`.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! The queue closes with its call and the worker ends, as in the fix; but the
//! answer's slot now outlives the call, and on a current-thread runtime every call
//! shares the one thread's slot: an answer that lands after its call gave up (a
//! check that passes once the deadline has come) waits there, and the next call
//! takes it as its own.
//!
//! Unclosed channel, task flavour: tokio tasks and `async-channel` channels.
//!
//! The caller ticks with tokio's `interval` and races the worker's answer against a
//! deadline in `select!`; the worker serves one check per request.

use std::time::Duration;

use async_channel::{Receiver, Sender, bounded};
use checker::traced;
use tokio::time::{Instant, interval_at, sleep};
use workshop::{Probe, TimedOut};

thread_local! {
    // WRONG FIX: the answer's slot, made once per thread.
    static ANSWER: (Sender<bool>, Receiver<bool>) = bounded(1);
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
        let probe = self.probe.clone();
        // Requests to check, one a tick, for this call; the answer, on this
        // thread's slot.
        let (check_tx, check_rx) = bounded::<()>(1);
        let (ready_tx, ready_rx) = ANSWER.with(|answer| answer.clone());
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
