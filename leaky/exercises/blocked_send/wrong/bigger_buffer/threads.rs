//! Wrong fix for the blocked-send exercise, thread flavour: the watcher's channel given room for 16 answers.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! With room in the channel a late answer no longer waits for a receiver, so the
//! worker ends. But the answer waits instead, in the channel every call shares, and
//! the next call takes it: "ready", on the word of a check made for a call that has
//! already given up. This is the stale answer pattern. (A worker whose service
//! never comes up still ticks forever, and the seventeenth late answer blocks
//! again.)
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
        // WRONG FIX: room for 16 answers, so that a late send does not wait.
        Self { probe, tick, ready: bounded(16) }
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
                        // LEAK: nobody receives after a timeout, and the watcher
                        // keeps the receiver alive: this send waits forever.
                        let _ = ready_tx.send(true);
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
