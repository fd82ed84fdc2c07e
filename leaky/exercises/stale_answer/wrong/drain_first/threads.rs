//! Wrong fix for the stale-answer exercise, thread flavour: old answers drained from the channel before waiting.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! Draining takes every answer left over from earlier calls before this call
//! listens, so the call no longer says ready on the word of a check made minutes
//! ago. But a late answer can also arrive while this call waits, from the check of
//! an earlier call that has already timed out: the drain is over by then, and that
//! answer is taken as this call's own.
//!
//! Stale answer, thread flavour: `std::thread` and crossbeam channels.
//!
//! The worker ticks with `tick`, and the caller races the worker's answer against
//! `after` in a `select!`, just as the Go code does.

use std::thread;
use std::time::Duration;

use crossbeam_channel::{Receiver, Sender, after, select, tick, unbounded};
use workshop::{Probe, TimedOut};

use super::WORKER;

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // WRONG: one channel for every call, with room for every answer: no send
    // waits, and a late answer waits in the channel for the next call.
    ready: (Sender<bool>, Receiver<bool>),
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, ready: unbounded() }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        let (ready_tx, ready_rx) = self.ready.clone();
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in ticks {
                    if probe.check() {
                        let _ = ready_tx.send(true);
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        // WRONG: the first answer in the channel is taken, whichever call it was
        // meant for.
        // WRONG FIX: answers left over from earlier calls are thrown away first.
        while ready_rx.try_recv().is_ok() {}
        select! {
            recv(ready_rx) -> _ => Ok(()),
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }
}
