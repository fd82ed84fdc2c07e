//! Blocked send, task flavour: tokio tasks and `async-channel` channels.
//!
//! `async-channel` has no zero-capacity channel (`bounded(0)` panics), so where a
//! rendezvous is wanted the smallest buffer, one slot, stands in for it.

use std::time::Duration;

use async_channel::bounded;
use tokio::time::{Instant, interval_at, timeout};
use tokio_util::sync::CancellationToken;
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // FIX: no channel here. A channel that outlives the call outlives the caller's
    // interest in it; each call makes its own, or needs none.
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
        // FIX: no task. The polling loop is a plain future owned by this call.
        let poll = async {
            let mut ticks = interval_at(Instant::now() + self.tick, self.tick);
            loop {
                ticks.tick().await;
                if self.probe.check_async().await {
                    return;
                }
            }
        };
        // FIX: when the deadline wins, `timeout` drops `poll`, and dropping a
        // future cancels it: the ticker and the check in flight are gone with it.
        timeout(timeout_after, poll)
            .await
            .map_err(|_| TimedOut(timeout_after))
    }

    /// Waits like [`wait_ready`](Self::wait_ready), with a worker task and a
    /// buffered channel: the worker ends after its check passes, whether or not
    /// anyone listens.
    pub async fn wait_ready_buffered(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let probe = self.probe.clone();
        let period = self.tick;
        // FIX: one slot, for this call only: the worker's one send always finds
        // room.
        let (ready_tx, ready_rx) = bounded(1);
        tokio::spawn(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                if probe.check_async().await {
                    // FIX: with room in the buffer this returns at once, listened
                    // to or not, and the task ends.
                    let _ = ready_tx.send(true).await;
                    return;
                }
            }
        });
        match timeout(timeout_after, ready_rx.recv()).await {
            Ok(_) => Ok(()),
            Err(_) => Err(TimedOut(timeout_after)),
        }
    }

    /// Waits like [`wait_ready`](Self::wait_ready), with a worker task that stops
    /// when the caller gives up.
    pub async fn wait_ready_or_cancel(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let probe = self.probe.clone();
        let period = self.tick;
        let (ready_tx, ready_rx) = bounded(1);
        // FIX: the guard cancels the token when this function returns, however it
        // returns: on time, on timeout, or because the caller dropped this future.
        let cancel = CancellationToken::new();
        let _cancel_on_return = cancel.clone().drop_guard();
        tokio::spawn(async move {
            let work = async {
                let mut ticks = interval_at(Instant::now() + period, period);
                loop {
                    ticks.tick().await;
                    if probe.check_async().await {
                        let _ = ready_tx.send(true).await;
                        return;
                    }
                }
            };
            // FIX: whichever comes first. When the cancellation wins, `work` is
            // dropped, and with it the check in flight: the task ends at once.
            tokio::select! {
                () = cancel.cancelled() => {}
                () = work => {}
            }
        });
        match timeout(timeout_after, ready_rx.recv()).await {
            Ok(_) => Ok(()),
            Err(_) => Err(TimedOut(timeout_after)),
        }
    }

    /// Waits like [`wait_ready`](Self::wait_ready), with a worker task that stops
    /// when its reports find no receiver.
    pub async fn wait_ready_drop_aware(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let probe = self.probe.clone();
        let period = self.tick;
        // FIX: a channel for this call only: when the call returns, its receiver is
        // dropped, and every send after that fails at once.
        let (ready_tx, ready_rx) = bounded(1);
        tokio::spawn(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                let ready = probe.check_async().await;
                // FIX: report every check, ready or not, and look at the result. A
                // failed send means nobody listens: end the loop, even if the check
                // never passes.
                if ready_tx.send(ready).await.is_err() || ready {
                    return;
                }
            }
        });
        let answers = async {
            loop {
                match ready_rx.recv().await {
                    Ok(true) => return true,
                    Ok(false) => continue,
                    // The worker is gone without a "ready": nothing more will come.
                    Err(_) => return false,
                }
            }
        };
        match timeout(timeout_after, answers).await {
            Ok(true) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
