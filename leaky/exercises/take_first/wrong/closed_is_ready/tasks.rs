//! Wrong fix for the take-first exercise, task flavour:
//! a channel per call with a slot per replica, and replicas that stop at the
//! call's deadline or once one of them has answered; the caller's `match` is kept.
//!
//! Breaks: a call is answered ready once its own check passes.
//!
//! No send waits and every replica ends with its call; but the caller still reads
//! `Ok(_)` as "ready", and `Ok(Err(RecvError))`, a channel whose senders are all
//! gone, matches it too. The replicas give up at the deadline, the very instant
//! the caller's `timeout` fires: whichever runs first wins, and a call whose
//! service never came up may be told it is ready (on a multi-thread runtime,
//! often).
//!
//! Take first, task flavour: tokio tasks and `async-channel` channels.
//!
//! The workers tick with tokio's `interval`, and the caller races the first answer
//! against tokio's `timeout`, just as the Go code does with `select`.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use async_channel::bounded;
use checker::traced;
use tokio::time::{Instant, interval_at, timeout, timeout_at};
use workshop::{Probe, TimedOut};

use super::REPLICAS;

/// Waits for a service to become ready, asking every replica at once.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick }
    }

    /// Waits until the first replica's probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        // WRONG FIX: the replicas know the call's deadline.
        let deadline = Instant::now() + timeout_after;
        // WRONG FIX: a channel for this call only, with a slot per replica.
        let (ready_tx, ready_rx) = bounded(REPLICAS);
        // The first answer stands the other replicas down.
        let answered = Arc::new(AtomicBool::new(false));
        for _ in 0..REPLICAS {
            let (probe, period) = (self.probe.clone(), self.tick);
            let (ready_tx, answered) = (ready_tx.clone(), Arc::clone(&answered));
            // (`traced` changes nothing: it lets the checker say where a task
            // waits.)
            tokio::spawn(traced(async move {
                // WRONG FIX: nobody waits past the deadline: the replica stops
                // there, mid-tick or mid-check.
                let _ = timeout_at(deadline, async {
                    let mut ticks = interval_at(Instant::now() + period, period);
                    loop {
                        ticks.tick().await;
                        if answered.load(Ordering::Acquire) {
                            return;
                        }
                        if probe.check_async().await {
                            answered.store(true, Ordering::Release);
                            let _ = ready_tx.send(true).await;
                            return;
                        }
                    }
                })
                .await;
            }));
        }
        // The replicas hold the only senders now: once every one of them has
        // ended, the channel closes.
        drop(ready_tx);
        match timeout(timeout_after, ready_rx.recv()).await {
            Ok(_) => Ok(()),
            Err(_) => Err(TimedOut(timeout_after)),
        }
    }
}
