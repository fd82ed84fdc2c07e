//! Wrong fix for the take-first exercise, thread flavour:
//! a channel per call with a slot per replica, replicas that stop at the deadline
//! or once one of them has answered, and each answer's send unwrapped, since
//! "there is a slot for every replica".
//!
//! Breaks: nothing a call starts outlives it.
//!
//! There is a slot for every replica, so no send ever waits for room. But a send
//! fails for another reason too: nobody can receive. A replica whose check passes
//! once its call has returned (another replica answered first, or the deadline
//! came while the check was under way) sends to a channel whose receiver is gone,
//! and the `unwrap` panics in that replica's thread.
//!
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
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick }
    }

    /// Waits until the first replica's probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let deadline = Instant::now() + timeout;
        // WRONG FIX: a channel for this call only, with a slot per replica.
        let (ready_tx, ready_rx) = bounded(REPLICAS);
        // The first answer stands the other replicas down.
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
                            // WRONG FIX: there is a slot for every replica, so
                            // this cannot fail.
                            ready_tx.send(true).unwrap();
                            return;
                        }
                    }
                })
                .unwrap_or_else(|e| {
                    panic!("the OS refused to start a thread: {e}")
                });
        }
        select! {
            recv(ready_rx) -> answer => {
                answer.map(drop).map_err(|_| TimedOut(timeout))
            }
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }
}
