//! Wrong fix for the blocked-send exercise, thread flavour: a sleep of one timeout before giving up.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! Giving the worker as long again to finish sounds generous: a check that was
//! nearly done can still deliver its answer. But nobody receives during the sleep,
//! and a check slower than that, or one that never passes, outlives the call
//! exactly as before: its worker is stuck on the send, or ticks for ever.
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
            recv(after(timeout)) -> _ => {
                // WRONG FIX: the worker is given time to finish before the call
                // gives up.
                thread::sleep(timeout);
                Err(TimedOut(timeout))
            }
        }
    }
}
