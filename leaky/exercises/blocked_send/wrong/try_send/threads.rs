//! Wrong fix for the blocked-send exercise, thread flavour: the worker's `send` made a `try_send`.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! A send that cannot block cannot leave the worker stuck, and it no longer is: a
//! late answer with nobody waiting is dropped. But the channel is still the
//! watcher's, shared by every call: a late answer from a call that gave up goes to
//! whichever later call is waiting at that moment, and that call says ready on a
//! check made for another. (And a worker whose service never comes up still ticks
//! forever.)
//!
//! Blocked send, thread flavour: `std::thread` and crossbeam channels.
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
    // LEAK: one channel for every call, kept by the watcher: its receiving end
    // outlives each call that gives up.
    ready: (Sender<bool>, Receiver<bool>),
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        // `bounded(0)` is Go's unbuffered channel: a send waits for a receiver.
        Self { probe, tick, ready: bounded(0) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let probe = self.probe.clone();
        let ticks = tick(self.tick);
        let (ready_tx, ready_rx) = self.ready.clone();
        // Dropping a `JoinHandle` detaches the thread; it does not stop it.
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in ticks {
                    if probe.check() {
                        // WRONG FIX: a send that never waits: with nobody
                        // receiving, the answer is dropped and the worker ends.
                        let _ = ready_tx.try_send(true);
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        select! {
            recv(ready_rx) -> _ => Ok(()),
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }
}
