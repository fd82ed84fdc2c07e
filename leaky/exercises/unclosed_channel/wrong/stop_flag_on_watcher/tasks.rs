//! Wrong fix for the unclosed-channel exercise, task flavour:
//! the worker keeps its `retry` sender, and gets a second way out: a `watch`
//! channel on the watcher that says "stop", set when a call returns and cleared
//! when one starts, which the worker waits on beside its requests.
//!
//! Breaks: a call is answered ready once its own check passes.
//!
//! A `watch` channel is the textbook way to tell many tasks one thing, and with one
//! call at a time the worker stops right after its call; but the channel is the
//! watcher's, shared by every call: when one call times out and says "stop", the
//! worker of a call still waiting stops too, and that call is told "not ready"
//! though its service came up.
//!
//! Unclosed channel, task flavour: tokio tasks and `async-channel` channels.
//!
//! The caller ticks with tokio's `interval` and races the worker's answer against a
//! deadline in `select!`; the worker serves one check per request.

use std::time::Duration;

use async_channel::bounded;
use checker::traced;
use tokio::sync::watch;
use tokio::time::{Instant, interval_at, sleep};
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // WRONG FIX: `true` once a call is done, so that its worker stops.
    stop: watch::Sender<bool>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, stop: watch::Sender::new(false) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        // WRONG FIX: a new call: the watcher is in use again.
        self.stop.send_replace(false);
        let mut stop = self.stop.subscribe();
        let probe = self.probe.clone();
        // Requests to check, one a tick, and the answer, for this call.
        let (check_tx, check_rx) = bounded::<()>(1);
        let (ready_tx, ready_rx) = bounded(1);
        let retry = check_tx.clone();
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        tokio::spawn(traced(async move {
            loop {
                // Serves requests until every sender is gone, or the call is done.
                tokio::select! {
                    request = check_rx.recv() => {
                        if request.is_err() {
                            return;
                        }
                    }
                    // WRONG FIX: a second way out: the call is done.
                    _ = stop.wait_for(|stop| *stop) => return,
                }
                let ready = probe.check_async().await;
                // Requests that came during the check are answered by it.
                while check_rx.try_recv().is_ok() {}
                if ready {
                    let _ = ready_tx.try_send(true);
                } else {
                    // Not yet: check again, without waiting for a request.
                    let _ = retry.try_send(());
                }
            }
        }));
        let mut ticks = interval_at(Instant::now() + self.tick, self.tick);
        let give_up = sleep(timeout_after);
        tokio::pin!(give_up);
        let answer = loop {
            tokio::select! {
                _ = ticks.tick() => { let _ = check_tx.try_send(()); }
                Ok(_) = ready_rx.recv() => break Ok(()),
                () = &mut give_up => break Err(TimedOut(timeout_after)),
            }
        };
        // WRONG FIX: done: the worker stops.
        self.stop.send_replace(true);
        answer
    }
}
