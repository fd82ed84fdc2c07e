//! Wrong fix for the stale-answer exercise, task flavour: tagged answers.
//!
//! Breaks: a call is answered ready once its own check passes.
//!
//! The shared channel stays, and each call throws away the answers tagged for others.
//! That works for calls made one after another. With calls at once, a call reads and
//! throws away the answer another call is waiting for, and that call, whose check
//! passed, times out. (Its worker also ticks on when the service never comes up.)
//!
//! Stale answer, task flavour: tokio tasks and `async-channel` channels.
//!
//! The worker ticks with tokio's `interval`, and the caller races the worker's
//! answer against tokio's `timeout`, just as the Go code does with `select`.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use async_channel::{Receiver, Sender, unbounded};
use checker::traced;
use tokio::time::{Instant, interval_at, timeout};
use workshop::{Probe, TimedOut};

/// An answer, and the number of the call it answers.
type Tagged = (u64, bool);

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // WRONG FIX: the shared channel stays, and each answer carries the number of the
    // call it answers.
    ready: (Sender<Tagged>, Receiver<Tagged>),
    calls: AtomicU64,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, ready: unbounded(), calls: AtomicU64::new(0) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let (probe, period) = (self.probe.clone(), self.tick);
        let (ready_tx, ready_rx) = self.ready.clone();
        let call = self.calls.fetch_add(1, Ordering::Relaxed);
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                if probe.check_async().await {
                    let _ = ready_tx.send((call, true)).await;
                    return;
                }
            }
        }));
        // WRONG FIX: answers meant for other calls are read and thrown away.
        let answer = async {
            while ready_rx.recv().await? != (call, true) {}
            Ok::<(), async_channel::RecvError>(())
        };
        match timeout(timeout_after, answer).await {
            Ok(Ok(())) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
