//! Wrong fix for the stale-answer exercise, thread flavour: tagged answers.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! The shared channel stays, and each call throws away the answers tagged for others.
//! Its worker ticks on when the service never comes up, which the check catches every
//! run. It also breaks "a call is answered ready once its own check passes": with calls
//! at once, a call reads and throws away the answer another call is waiting for, and
//! that call, whose check passed, times out; on real time the check catches that in
//! most runs, when the calls overlap just so.
//!
//! Stale answer, thread flavour: `std::thread` and crossbeam channels.
//!
//! The worker ticks with `tick`, and the caller races the worker's answer against
//! `after` in a `select!`, just as the Go code does.

use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;
use std::time::Duration;

use crossbeam_channel::{Receiver, Sender, after, select, tick, unbounded};
use workshop::{Probe, TimedOut};

use super::WORKER;

/// An answer, and the number of the call it answers.
type Tagged = (u64, bool);

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // WRONG FIX: the shared channel stays, and each answer carries the number of the
    // call it answers.
    ready: (Sender<Tagged>, Receiver<Tagged>),
    calls: AtomicU64,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, ready: unbounded(), calls: AtomicU64::new(0) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        let (ready_tx, ready_rx) = self.ready.clone();
        let call = self.calls.fetch_add(1, Ordering::Relaxed);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in ticks {
                    if probe.check() {
                        let _ = ready_tx.send((call, true));
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        // WRONG FIX: answers meant for other calls are read and thrown away.
        let give_up = after(timeout);
        loop {
            select! {
                recv(ready_rx) -> answer => if answer == Ok((call, true)) {
                    return Ok(());
                },
                recv(give_up) -> _ => return Err(TimedOut(timeout)),
            }
        }
    }
}
