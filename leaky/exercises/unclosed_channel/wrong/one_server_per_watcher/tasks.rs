//! Wrong fix for the unclosed-channel exercise, task flavour:
//! one check server for the watcher, serving every call's requests.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! In full: one check server for the watcher, started by the first call, serving
//! requests from every call, with no sender of its own; it ends when the watcher is
//! dropped.
//!
//! It is a bounded worker, it idles while no call sends requests, and the queue
//! closes with the watcher: nothing leaks. But the answers share one channel too. A
//! check under way when a call gives up still answers, into the shared slot, and
//! the next call reads it as its own: "ready" from a check that started before it
//! asked.

use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use async_channel::{Receiver, Sender, bounded};
use checker::traced;
use tokio::time::{Instant, interval_at, sleep};
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    /// The requests to the check server; dropping the watcher closes them.
    requests: Sender<()>,
    /// Taken by the first call, which starts the server with it.
    queue: Mutex<Option<Receiver<()>>>,
    /// The server's answers.
    answers: (Sender<bool>, Receiver<bool>),
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        let (requests, queue) = bounded(1);
        Self {
            probe,
            tick,
            requests,
            queue: Mutex::new(Some(queue)),
            answers: bounded(1),
        }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let queue =
            self.queue.lock().unwrap_or_else(PoisonError::into_inner).take();
        if let Some(queue) = queue {
            let (probe, ready_tx) = (self.probe.clone(), self.answers.0.clone());
            // (`traced` changes nothing: it lets the checker say where a task
            // waits.)
            tokio::spawn(traced(async move {
                // Serves requests until the watcher is gone.
                while let Ok(()) = queue.recv().await {
                    let ready = probe.check_async().await;
                    while queue.try_recv().is_ok() {}
                    if ready {
                        let _ = ready_tx.try_send(true);
                    }
                }
            }));
        }
        let ready_rx = &self.answers.1;
        let mut ticks = interval_at(Instant::now() + self.tick, self.tick);
        let give_up = sleep(timeout_after);
        tokio::pin!(give_up);
        loop {
            tokio::select! {
                _ = ticks.tick() => { let _ = self.requests.try_send(()); }
                Ok(_) = ready_rx.recv() => return Ok(()),
                () = &mut give_up => return Err(TimedOut(timeout_after)),
            }
        }
    }
}
