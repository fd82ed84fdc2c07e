//! Wrong fix for the stale-answer exercise, thread flavour:
//! a channel per call with a slot for its answer, a worker that stops at the
//! deadline, and the answer's send unwrapped, since "the slot is always free".
//!
//! Breaks: nothing a call starts outlives it.
//!
//! The slot is free: nothing else is ever sent on this channel. But a send fails
//! for another reason too: nobody can receive. A check that passes after its call
//! gave up (a slow service) sends to a channel whose receiver is gone, and the
//! `unwrap` panics in the worker: a panic per late answer, where a late answer is
//! exactly what this channel was made to absorb.
//!
//! Stale answer, thread flavour: `std::thread` and crossbeam channels.
//!
//! The worker ticks with `tick`, and the caller races the worker's answer against
//! `after` in a `select!`, just as the Go code does.

use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{after, bounded, select, tick};
use workshop::{Probe, TimedOut};

use super::WORKER;

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        // The worker ticks until the call's deadline and no further.
        let deadline = Instant::now() + timeout;
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        // WRONG FIX: a channel for this call, with room for its one answer.
        let (ready_tx, ready_rx) = bounded(1);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in ticks.into_iter().take_while(|&now| now < deadline) {
                    if probe.check() {
                        // WRONG FIX: the slot is free, so this cannot fail.
                        ready_tx.send(true).unwrap();
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        select! {
            recv(ready_rx) -> answer => {
                answer.map(drop).map_err(|_| TimedOut(timeout))
            }
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }
}
