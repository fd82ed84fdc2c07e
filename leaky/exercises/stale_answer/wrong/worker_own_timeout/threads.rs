//! Wrong fix for the stale-answer exercise, thread flavour:
//! a channel per call with a slot for its answer, and a worker that gives up after
//! 30 s of its own, so that a service that never comes up cannot keep it forever.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! A late answer lands where no later call looks, and the loop has an end; but the
//! end is the worker's own, not its call's: a call that gives up after 10 ms leaves
//! its worker checking the service for half a minute more, and calls in a row stack
//! them up.
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

/// How long a worker checks before it gives up: longer than any caller waits.
const WORKER_GIVES_UP: Duration = Duration::from_secs(30);

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
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        // WRONG FIX: a channel for this call, with room for its one answer: a late
        // answer lands where no later call will ever look.
        let (ready_tx, ready_rx) = bounded(1);
        // WRONG FIX: the worker's own time limit.
        let gives_up = Instant::now() + WORKER_GIVES_UP;
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in ticks.into_iter().take_while(|&now| now < gives_up) {
                    if probe.check() {
                        let _ = ready_tx.send(true);
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
