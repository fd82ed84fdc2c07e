//! Wrong fix for the take-first exercise, thread flavour:
//! the buffered fix, with its `answered` flag kept on the watcher.
//!
//! Breaks: a call is answered ready once its own check passes.
//!
//! In full: the buffered fix, with its `answered` flag kept on the watcher and
//! lowered at the start of each call, instead of made afresh for each call.
//!
//! One after another, calls behave: each lowers the flag, its replicas raise it.
//! But with calls at once, a replica of one call raises the flag for every call:
//! the replicas of a call that asked later see it at their next tick and stop
//! before they ever check. Their channel closes, and the caller, which reads a
//! closed channel as "the replicas gave up at the deadline", returns `Err` long
//! before its deadline.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{after, bounded, select, tick};
use workshop::{Probe, TimedOut};

use super::{REPLICAS, WORKER};

/// Waits for a service to become ready, asking every replica at once.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    /// Whether a replica has answered the current call.
    answered: Arc<AtomicBool>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, answered: Arc::new(AtomicBool::new(false)) }
    }

    /// Waits until the first replica's probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let deadline = Instant::now() + timeout;
        // A new call: nobody has answered it yet.
        self.answered.store(false, Ordering::Release);
        let (ready_tx, ready_rx) = bounded(REPLICAS);
        for _ in 0..REPLICAS {
            let (probe, ticks) = (self.probe.clone(), tick(self.tick));
            let (ready_tx, answered) =
                (ready_tx.clone(), Arc::clone(&self.answered));
            thread::Builder::new()
                .name(WORKER.to_owned())
                .spawn(move || {
                    for _ in ticks.into_iter().take_while(|&now| now < deadline) {
                        if answered.load(Ordering::Acquire) {
                            return;
                        }
                        if probe.check() {
                            answered.store(true, Ordering::Release);
                            let _ = ready_tx.send(true);
                            return;
                        }
                    }
                })
                .unwrap_or_else(|e| {
                    panic!("the OS refused to start a thread: {e}")
                });
        }
        drop(ready_tx);
        select! {
            // Closed: every replica gave up at the deadline.
            recv(ready_rx) -> answer => {
                answer.map(drop).map_err(|_| TimedOut(timeout))
            }
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }
}
