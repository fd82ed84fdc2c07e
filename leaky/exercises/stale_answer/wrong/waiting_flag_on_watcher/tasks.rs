//! Wrong fix for the stale-answer exercise, task flavour:
//! the watcher's channel kept, and a flag on the watcher that says whether a call
//! is waiting: raised when a call starts, lowered when it returns; a task sends its
//! answer only while it is raised, so that no late answer is left behind.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! A late answer found nobody waiting, so it is dropped rather than kept for the
//! next call; but "somebody waits" is not "my call waits": the flag is the
//! watcher's, and once a later call has raised it, a task whose call gave up long
//! ago finds it up and sends, and the later call takes that answer as its own.
//!
//! Stale answer, task flavour: tokio tasks and `async-channel` channels.
//!
//! The worker ticks with tokio's `interval`, and the caller races the worker's
//! answer against tokio's `timeout`, just as the Go code does with `select`.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use async_channel::{Receiver, Sender, unbounded};
use checker::traced;
use tokio::time::{Instant, interval_at, timeout};
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    ready: (Sender<bool>, Receiver<bool>),
    // WRONG FIX: raised while a call waits: a task answers only then.
    waiting: Arc<AtomicBool>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self {
            probe,
            tick,
            ready: unbounded(),
            waiting: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        // The task is given the call's deadline.
        let deadline = Instant::now() + timeout_after;
        let (probe, period) = (self.probe.clone(), self.tick);
        let (ready_tx, ready_rx) = self.ready.clone();
        let waiting = Arc::clone(&self.waiting);
        // WRONG FIX: somebody waits now.
        self.waiting.store(true, Ordering::Release);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                if Instant::now() >= deadline {
                    return;
                }
                if probe.check_async().await {
                    // WRONG FIX: an answer nobody waits for is dropped.
                    if waiting.load(Ordering::Acquire) {
                        let _ = ready_tx.send(true).await;
                    }
                    return;
                }
            }
        }));
        let answer = match timeout(timeout_after, ready_rx.recv()).await {
            Ok(Ok(_)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        };
        // WRONG FIX: nobody waits any more.
        self.waiting.store(false, Ordering::Release);
        answer
    }
}
