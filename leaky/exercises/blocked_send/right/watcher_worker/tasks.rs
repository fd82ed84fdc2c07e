//! Right fix for the blocked-send exercise, task flavour, written
//! differently from `fixed/`: one worker task owned by the watcher, asleep while no
//! call waits: each call hands it a `oneshot` reply, and a check answers only the
//! calls that were waiting when it started.
//!
//! Right: the worker is bounded (one per watcher, whatever the number of calls),
//! does nothing while no call waits (it sleeps on its queue), forgets a call whose
//! reply is closed (timed out or dropped) at its next tick, and is aborted when the
//! watcher is dropped; a call that arrives during a check waits for the next one,
//! so no call is told "ready" by a check that started before it asked.

use std::sync::OnceLock;
use std::time::Duration;

use checker::traced;
use tokio::runtime::Handle;
use tokio::sync::{mpsc, oneshot};
use tokio::time::{Instant, interval_at, timeout};
use tokio_util::task::AbortOnDropHandle;
use workshop::{Probe, TimedOut};

/// A call waiting for its answer.
type Reply = oneshot::Sender<()>;

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // Started in `new` when a runtime is at hand, else by the first call; aborted
    // when the watcher is dropped.
    worker: OnceLock<Worker>,
}

/// The watcher's worker: its queue of calls, and its task.
struct Worker {
    calls: mpsc::UnboundedSender<Reply>,
    _task: AbortOnDropHandle<()>,
}

impl Worker {
    fn start(probe: Probe, every: Duration) -> Self {
        let (calls, queue) = mpsc::unbounded_channel();
        let task = tokio::spawn(traced(serve(probe, every, queue)));
        Self { calls, _task: AbortOnDropHandle::new(task) }
    }
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        let worker = OnceLock::new();
        if Handle::try_current().is_ok() {
            let _ = worker.set(Worker::start(probe.clone(), tick));
        }
        Self { probe, tick, worker }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let worker = self
            .worker
            .get_or_init(|| Worker::start(self.probe.clone(), self.tick));
        let (reply, answer) = oneshot::channel();
        if worker.calls.send(reply).is_err() {
            return Err(TimedOut(timeout_after));
        }
        // Timed out or dropped, `answer` goes, and the worker forgets this call.
        match timeout(timeout_after, answer).await {
            Ok(Ok(())) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}

/// Checks every tick while a call waits; sleeps on the queue while none does.
async fn serve(
    probe: Probe,
    every: Duration,
    mut calls: mpsc::UnboundedReceiver<Reply>,
) {
    let mut waiting: Vec<Reply> = Vec::new();
    loop {
        if waiting.is_empty() {
            // Nobody waits: sleep until somebody does.
            match calls.recv().await {
                Some(reply) => waiting.push(reply),
                None => return,
            }
        }
        // From the first call on, a check every tick, as a worker per call would.
        let mut ticks = interval_at(Instant::now() + every, every);
        while !waiting.is_empty() {
            // The tick, taking in the calls that come meanwhile.
            loop {
                tokio::select! {
                    _ = ticks.tick() => break,
                    reply = calls.recv() => match reply {
                        Some(reply) => waiting.push(reply),
                        None => return,
                    },
                }
            }
            waiting.retain(|reply| !reply.is_closed());
            if waiting.is_empty() {
                break;
            }
            // The check starts now: it answers the calls waiting now, and no other.
            let asked = std::mem::take(&mut waiting);
            let check = probe.check_async();
            tokio::pin!(check);
            let ready = loop {
                tokio::select! {
                    ready = &mut check => break ready,
                    reply = calls.recv() => match reply {
                        Some(reply) => waiting.push(reply),
                        None => return,
                    },
                }
            };
            if ready {
                for reply in asked {
                    let _ = reply.send(());
                }
            } else {
                // Not yet: they wait for the next check, with the newcomers.
                let newcomers = std::mem::replace(&mut waiting, asked);
                waiting.extend(newcomers);
            }
        }
    }
}
