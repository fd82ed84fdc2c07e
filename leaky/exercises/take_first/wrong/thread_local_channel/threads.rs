//! Wrong fix for the take-first exercise, thread flavour:
//! no channel on the watcher; one channel per calling thread instead, in a
//! `thread_local!`, with a slot per replica, and replicas that stop at the deadline
//! or once one of them has answered.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! No send waits, no replica ticks past its call, and two threads never share a
//! channel; but a thread's calls follow one another on the same channel: an answer
//! that lands after its call returned (a replica whose check was under way when
//! another answered, or one that passed after the deadline) waits in a slot, and
//! the thread's next call takes it as its own.
//!
//! Take first, thread flavour: `std::thread` and crossbeam channels.
//!
//! The workers tick with `tick`, and the caller races the first answer against
//! `after` in a `select!`, just as the Go code does.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender, after, bounded, select, tick};
use workshop::{Probe, TimedOut};

use super::{REPLICAS, WORKER};

thread_local! {
    // WRONG FIX: one channel per calling thread, made once, with a slot per
    // replica: a thread makes one call at a time, so its calls never share it at
    // once.
    static READY: (Sender<bool>, Receiver<bool>) = bounded(REPLICAS);
}

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
        let (ready_tx, ready_rx) = READY.with(|ready| ready.clone());
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
                            // WRONG FIX: there is a slot for every replica.
                            let _ = ready_tx.try_send(true);
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
