//! Wrong fix for the forgotten-stop exercise, task flavour:
//! one poller task for the watcher, started by the first call and aborted when the
//! watcher is dropped, publishing each answer on a `watch` channel the calls read.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! No stop to forget and one task however many calls; but the value a call reads is
//! the last check's, and that check started before the call: right after the
//! service goes down, a call is still told "ready" by a check made for nobody in
//! particular.

use std::sync::OnceLock;
use std::time::Duration;

use checker::traced;
use tokio::sync::watch;
use tokio::time::{Instant, interval, interval_at};
use tokio_util::task::AbortOnDropHandle;
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // The poller, started by the first call, aborted with the watcher.
    poller: OnceLock<(watch::Receiver<bool>, AbortOnDropHandle<()>)>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, poller: OnceLock::new() }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let deadline = Instant::now() + timeout_after;
        let (ready, _) =
            self.poller.get_or_init(|| start(self.probe.clone(), self.tick));
        let mut ticks = interval(self.tick);
        loop {
            ticks.tick().await;
            if *ready.borrow() {
                return Ok(());
            }
            if Instant::now() >= deadline {
                return Err(TimedOut(timeout_after));
            }
        }
    }
}

/// Starts the poller: it checks every tick and publishes the answer.
fn start(
    probe: Probe,
    every: Duration,
) -> (watch::Receiver<bool>, AbortOnDropHandle<()>) {
    let (publish, ready) = watch::channel(false);
    let task = tokio::spawn(traced(async move {
        let mut ticks = interval_at(Instant::now() + every, every);
        loop {
            ticks.tick().await;
            publish.send_replace(probe.check_async().await);
        }
    }));
    (ready, AbortOnDropHandle::new(task))
}
