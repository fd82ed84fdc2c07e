//! Wrong fix for the take-first exercise, task flavour:
//! no channel on the watcher; one channel per thread instead, in a
//! `thread_local!`, with a slot per replica, and replicas that stop at the deadline
//! or once one of them has answered.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! No send waits and no replica ticks past its call; but a thread's calls share
//! the channel, and on a current-thread runtime every call runs on the one thread:
//! an answer that lands after its call returned (a replica whose check was under
//! way when another answered, or one that passed after the deadline) waits in a
//! slot, and the next call takes it as its own.
//!
//! Take first, task flavour: tokio tasks and `async-channel` channels.
//!
//! The workers tick with tokio's `interval`, and the caller races the first answer
//! against tokio's `timeout`, just as the Go code does with `select`.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use async_channel::{Receiver, Sender, bounded};
use checker::traced;
use tokio::time::{Instant, interval_at, timeout};
use workshop::{Probe, TimedOut};

use super::REPLICAS;

thread_local! {
    // WRONG FIX: one channel per thread, made once, with a slot per replica.
    static READY: (Sender<bool>, Receiver<bool>) = bounded(REPLICAS);
}

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
        let deadline = Instant::now() + timeout_after;
        let (ready_tx, ready_rx) = READY.with(|ready| ready.clone());
        // The first answer stands the other replicas down.
        let answered = Arc::new(AtomicBool::new(false));
        for _ in 0..REPLICAS {
            let (probe, period) = (self.probe.clone(), self.tick);
            let (ready_tx, answered) = (ready_tx.clone(), Arc::clone(&answered));
            // (`traced` changes nothing: it lets the checker say where a task
            // waits.)
            tokio::spawn(traced(async move {
                let mut ticks = interval_at(Instant::now() + period, period);
                loop {
                    ticks.tick().await;
                    if Instant::now() >= deadline
                        || answered.load(Ordering::Acquire)
                    {
                        return;
                    }
                    if probe.check_async().await {
                        answered.store(true, Ordering::Release);
                        // WRONG FIX: there is a slot for every replica.
                        let _ = ready_tx.try_send(true);
                        return;
                    }
                }
            }));
        }
        match timeout(timeout_after, ready_rx.recv()).await {
            Ok(Ok(_)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
