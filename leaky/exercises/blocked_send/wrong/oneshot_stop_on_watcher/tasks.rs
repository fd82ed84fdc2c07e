//! Wrong fix for the blocked-send exercise, task flavour:
//! the watcher keeps the latest call's `oneshot` stop sender.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! In full: each call's worker stops when its `oneshot` stop sender is dropped, and
//! the watcher keeps the latest call's sender, so that dropping the watcher reaches
//! it too.
//!
//! It reads like careful ownership: the next call replaces the sender, which stops
//! the previous worker, and the watcher's drop stops the last one. But a call that
//! returns leaves its sender in the watcher: its worker runs on after the call,
//! checking while nobody waits, until some later call or the watcher's drop happens
//! to end it.

use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use async_channel::bounded;
use checker::traced;
use tokio::sync::oneshot;
use tokio::time::{Instant, interval_at, timeout};
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    /// The stop sender of the latest call's worker: dropped, it stops that worker.
    stop: Mutex<Option<oneshot::Sender<()>>>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, stop: Mutex::new(None) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let probe = self.probe.clone();
        let period = self.tick;
        let (ready_tx, ready_rx) = bounded(1);
        let (stop_tx, mut stop_rx) = oneshot::channel::<()>();
        // Replacing the previous sender drops it: the previous worker stops.
        *self.stop.lock().unwrap_or_else(PoisonError::into_inner) = Some(stop_tx);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                tokio::select! {
                    _ = &mut stop_rx => return,
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
