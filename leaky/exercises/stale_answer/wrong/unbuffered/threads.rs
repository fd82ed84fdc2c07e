//! Wrong fix for the stale-answer exercise, thread flavour: the watcher's channel made unbuffered.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! With no room in the channel, no answer can wait there for the next call. But it
//! waits in the worker instead, blocked on its send until some call receives: the
//! next call that waits takes it, "ready" on the word of a check made for a call
//! that gave up. This is the blocked send pattern, leak included.
//!
//! Stale answer, thread flavour: `std::thread` and crossbeam channels.
//!
//! The worker ticks with `tick`, and the caller races the worker's answer against
//! `after` in a `select!`, just as the Go code does.

use std::thread;
use std::time::Duration;

use crossbeam_channel::{Receiver, Sender, after, bounded, select, tick};
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
        // WRONG FIX: no room in the channel, so no answer waits there.
        Self { probe, tick, ready: bounded(0) }
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
        select! {
            recv(ready_rx) -> _ => Ok(()),
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }
}
