//! Wrong fix for the blocked-send exercise, task flavour:
//! a stop channel the worker `select!`s on with `Ok(()) = stop.recv()`.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! In full: a stop channel per call whose sender the call drops when it returns,
//! and a worker that `select!`s on `Ok(()) = stop.recv()` beside its ticks.
//!
//! The stop channel is the Go idiom, and the call does drop its sender on every way
//! out. But nothing is ever sent: the worker's `recv()` returns `Err(RecvError)`
//! once the channel closes, the `Ok(())` pattern does not match it, and
//! `tokio::select!` quietly disables a branch whose pattern fails. The select waits
//! for the tick alone, every time round: a worker whose service never comes up
//! ticks on forever.

use std::time::Duration;

use async_channel::bounded;
use checker::traced;
use tokio::time::{Instant, interval_at, timeout};
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
        let period = self.tick;
        let (ready_tx, ready_rx) = bounded(1);
        // The worker stops when this call's end of the stop channel goes.
        let (_stop, stop_rx) = bounded::<()>(1);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                tokio::select! {
                    Ok(()) = stop_rx.recv() => return,
                    _ = ticks.tick() => {}
                }
                if probe.check_async().await {
                    let _ = ready_tx.send(true).await;
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
