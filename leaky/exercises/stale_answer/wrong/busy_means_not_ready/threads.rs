//! Wrong fix for the stale-answer exercise, thread flavour:
//! a channel per call, and a lock the call tries to take: a call that finds another
//! one under way returns "not ready" at once, so that two calls never overlap.
//!
//! Breaks: a call is answered ready once its own check passes.
//!
//! Calls that never overlap cannot take each other's answers, the workers stop at
//! the deadline, and no call ever waits on the lock; but a call made while another
//! is under way is never checked for at all: it is told "not ready" at once,
//! service up or not.

use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{after, bounded, select, tick};
use workshop::{Probe, TimedOut};

use super::WORKER;

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // Held by the call under way.
    busy: Mutex<()>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, busy: Mutex::new(()) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        // Another call is waiting already: don't start a second worker.
        let Ok(_turn) = self.busy.try_lock() else {
            return Err(TimedOut(timeout));
        };
        let deadline = Instant::now() + timeout;
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        // This call's channel, with room for its answer.
        let (ready_tx, ready_rx) = bounded(1);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for now in ticks {
                    if now >= deadline {
                        return;
                    }
                    if probe.check() {
                        let _ = ready_tx.send(true);
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        select! {
            recv(ready_rx) -> answer => answer.map(drop).map_err(|_| TimedOut(timeout)),
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }
}
