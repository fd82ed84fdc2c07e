//! Take first, thread flavour: `std::thread` and crossbeam channels.
//!
//! The workers tick with `tick`, and the caller races the first answer against
//! `after` in a `select!`, just as the Go code does.

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
    // FIX: no channel kept here: each call makes its own.
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick }
    }

    /// Waits until the first replica's probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        // FIX: the worker ticks until the call's deadline and no further: a check
        // that never passes cannot keep it ticking once its caller has gone.
        let deadline = Instant::now() + timeout;
        // FIX: a channel for this call only, with room for every replica's answer:
        // no send ever waits, whether or not anyone still listens.
        let (ready_tx, ready_rx) = bounded(REPLICAS);
        // FIX: the first answer stands the other replicas down: one answer is all
        // the call needs, and a replica whose service went down would tick on.
        let answered = Arc::new(AtomicBool::new(false));
        for _ in 0..REPLICAS {
            let (probe, ticks) = (self.probe.clone(), tick(self.tick));
            let (ready_tx, answered) = (ready_tx.clone(), Arc::clone(&answered));
            thread::Builder::new()
                .name(WORKER.to_owned())
                .spawn(move || {
                    for _ in ticks.into_iter().take_while(|&now| now < deadline) {
                        if answered.load(Ordering::Acquire) {
                            return;
                        }
                        if probe.check() {
                            answered.store(true, Ordering::Release);
                            // FIX: there is room for this answer, read or not: the
                            // send returns at once, and the thread ends.
                            let _ = ready_tx.send(true);
                            return;
                        }
                    }
                })
                .unwrap_or_else(|e| {
                    panic!("the OS refused to start a thread: {e}")
                });
        }
        select! {
            // FIX: a closed channel is a worker that gave up, not an answer.
            recv(ready_rx) -> answer => {
                answer.map(drop).map_err(|_| TimedOut(timeout))
            }
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }
}
