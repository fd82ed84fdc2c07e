//! Wrong fix for the take-first exercise, thread flavour:
//! room for every answer, and an `answered` flag that stops the others.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! In full: a channel per call with room for every replica's answer, and an
//! `answered` flag that tells the other replicas to stop once one has answered.
//!
//! Both halves are right as far as they go: no send can wait, and once a replica
//! has answered the others stop at their next tick. But the flag is raised only by
//! a replica whose check passed. When the service never comes up nobody raises it,
//! the caller times out, and all three replicas tick on, forever.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

use crossbeam_channel::{after, bounded, select, tick};
use workshop::{Probe, TimedOut};

use super::{REPLICAS, WORKER};

/// Waits for a service to become ready, asking every replica at once.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick }
    }

    /// Waits until the first replica's probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        // Room for every replica's answer: no send ever waits.
        let (ready_tx, ready_rx) = bounded(REPLICAS);
        let answered = Arc::new(AtomicBool::new(false));
        for _ in 0..REPLICAS {
            let (probe, ticks) = (self.probe.clone(), tick(self.tick));
            let (ready_tx, answered) = (ready_tx.clone(), Arc::clone(&answered));
            thread::Builder::new()
                .name(WORKER.to_owned())
                .spawn(move || {
                    for _ in ticks {
                        // Another replica answered: this one is not needed.
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
        select! {
            recv(ready_rx) -> _ => Ok(()),
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }
}
