//! Wrong fix for the endless-ticker exercise, task flavour:
//! a stop flag in a `thread_local!`, so that each caller has its own without a new
//! `Arc` per call: lowered when a call starts, raised when it returns, and read by
//! the task every tick.
//!
//! Breaks: a call is answered ready once its own check passes.
//!
//! On threads that each make one call at a time it looks exact. But tasks are not
//! threads: on a current-thread runtime every call runs on the one thread and
//! shares the one flag, so a call that times out stops the task of a call still
//! waiting, which is then never answered, though its service came up.
//!
//! Endless ticker, task flavour: tokio tasks and `async-channel` channels.
//!
//! The worker ticks with tokio's `interval`, and the caller races the worker's
//! answer against tokio's `timeout`, just as the Go code does with `select`.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use async_channel::bounded;
use checker::traced;
use tokio::time::{Instant, interval_at, timeout};
use workshop::{Probe, TimedOut};

thread_local! {
    // WRONG FIX: the caller's stop flag, made once per thread.
    static STOP: Arc<AtomicBool> = Arc::new(AtomicBool::new(false));
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
        let (probe, period) = (self.probe.clone(), self.tick);
        // WRONG FIX: a new call: the caller is waiting again.
        let stop = STOP.with(Arc::clone);
        stop.store(false, Ordering::Release);
        let stopped = Arc::clone(&stop);
        // A channel for this call, with room for the one answer.
        let (ready_tx, ready_rx) = bounded(1);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                // WRONG FIX: a second way out: the caller is done.
                if stopped.load(Ordering::Acquire) {
                    return;
                }
                if probe.check_async().await {
                    let _ = ready_tx.send(true).await;
                    return;
                }
            }
        }));
        let answer = match timeout(timeout_after, ready_rx.recv()).await {
            Ok(Ok(_)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        };
        // WRONG FIX: done: the task stops at its next tick.
        stop.store(true, Ordering::Release);
        answer
    }
}
