//! Wrong fix for the unclosed-channel exercise, task flavour:
//! one check server for the whole watcher, started by the first call and aborted
//! when the watcher is dropped: each request carries its call's reply, and a check
//! answers the requests that came during it too, as the worker of the exercise
//! did.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! One server, whatever the number of calls, idle while no request comes and gone
//! with the watcher: nothing piles up, and no queue is left open behind a call.
//! But "requests that came during the check are answered by it" now spans calls:
//! a call that arrived while a check was under way, one started for an earlier
//! call, is told "ready" by it, though the service may have gone down since that
//! check began.
//!
//! Unclosed channel, task flavour: tokio tasks and `async-channel` channels.
//!
//! The caller ticks with tokio's `interval` and races the worker's answer against a
//! deadline in `select!`; the worker serves one check per request.

use std::sync::OnceLock;
use std::time::Duration;

use async_channel::{Receiver, Sender, bounded, unbounded};
use checker::traced;
use tokio::time::{Instant, interval_at, sleep};
use tokio_util::task::AbortOnDropHandle;
use workshop::{Probe, TimedOut};

/// A request to check: where its call waits for the answer.
type Request = Sender<bool>;

/// The watcher's check server: its queue, and its task.
struct Server {
    requests: Sender<Request>,
    _task: AbortOnDropHandle<()>,
}

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // WRONG FIX: one server for every call, started by the first.
    server: OnceLock<Server>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, server: OnceLock::new() }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let server = self.server.get_or_init(|| {
            let (requests, queue) = unbounded();
            // (`traced` changes nothing: it lets the checker say where a task
            // waits.)
            let task = tokio::spawn(traced(serve(self.probe.clone(), queue)));
            Server { requests, _task: AbortOnDropHandle::new(task) }
        });
        // The answer, for this call.
        let (ready_tx, ready_rx) = bounded(1);
        let mut ticks = interval_at(Instant::now() + self.tick, self.tick);
        let give_up = sleep(timeout_after);
        tokio::pin!(give_up);
        loop {
            tokio::select! {
                _ = ticks.tick() => {
                    let _ = server.requests.try_send(ready_tx.clone());
                }
                Ok(_) = ready_rx.recv() => return Ok(()),
                () = &mut give_up => return Err(TimedOut(timeout_after)),
            }
        }
    }
}

/// Serves requests until the watcher is gone.
async fn serve(probe: Probe, queue: Receiver<Request>) {
    while let Ok(first) = queue.recv().await {
        let ready = probe.check_async().await;
        // WRONG FIX: requests that came during the check are answered by it.
        let mut asked = vec![first];
        while let Ok(request) = queue.try_recv() {
            asked.push(request);
        }
        if ready {
            for reply in asked {
                let _ = reply.try_send(true);
            }
        }
    }
}
