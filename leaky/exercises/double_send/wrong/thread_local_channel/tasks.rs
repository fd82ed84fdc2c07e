//! Wrong fix for the double-send exercise, task flavour:
//! no channel on the watcher; one channel per thread instead, in a
//! `thread_local!`, with room for both reports, read until one says ready, and a
//! task that stops at the deadline.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! No send waits and the reports are read until the answer; but a thread's calls
//! share the channel, and on a current-thread runtime every call runs on the one
//! thread: an answer that lands after its call gave up waits there, and the next
//! call, reading until it finds a "ready", takes it as its own.
//!
//! Double send, task flavour: tokio tasks and `async-channel` channels.
//!
//! The worker ticks with tokio's `interval`, and the caller races a report against
//! tokio's `timeout`, just as the Go code does with `select`.

use std::time::Duration;

use async_channel::{Receiver, Sender, bounded};
use checker::traced;
use tokio::time::{Instant, interval_at, timeout};
use workshop::{Probe, TimedOut};

thread_local! {
    // WRONG FIX: one channel per thread, made once, with room for both reports.
    static REPORTS: (Sender<bool>, Receiver<bool>) = bounded(2);
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
        let (probe, period) = (self.probe.clone(), self.tick);
        let (report_tx, report_rx) = REPORTS.with(|reports| reports.clone());
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            // The first report: started, not ready yet.
            let _ = report_tx.try_send(false);
            let mut ticks = interval_at(Instant::now() + period, period);
            loop {
                ticks.tick().await;
                // Nobody waits past the deadline: stop there.
                if Instant::now() >= deadline {
                    return;
                }
                if probe.check_async().await {
                    let _ = report_tx.try_send(true);
                    return;
                }
            }
        }));
        // WRONG FIX: reports are read until one says ready.
        let answer = async {
            while !report_rx.recv().await? {}
            Ok::<(), async_channel::RecvError>(())
        };
        match timeout(timeout_after, answer).await {
            Ok(Ok(())) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
