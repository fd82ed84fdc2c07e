//! Wrong fix for the blocked-send exercise, thread flavour: the worker joined before the call returns.
//!
//! Breaks: a call returns by its deadline.
//!
//! Joining is how a thread is owned, and after a join nothing is left behind. But
//! the worker stops only once its check passes and its answer is taken: when the
//! service is slow or never comes up, the join waits past the call's deadline, for
//! as long as the check takes or for ever.
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
        let worker = thread::Builder::new()
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
        let answer = select! {
            recv(ready_rx) -> _ => Ok(()),
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        };
        // WRONG FIX: the worker is joined, so that it cannot outlive the call.
        let _ = worker.join();
        answer
    }
}
