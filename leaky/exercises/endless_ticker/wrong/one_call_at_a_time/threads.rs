//! Wrong fix for the endless-ticker exercise, thread flavour:
//! a cancellation the worker selects on, dropped when the call returns, and a lock
//! on the watcher so that only one worker at a time ticks against the service.
//!
//! Breaks: a call returns by its deadline.
//!
//! Every worker stops once its call is over, and the service never sees two
//! tickers at once; but a call now waits for the lock before its own time starts:
//! ten callers at once with a timeout of 30 ms each are answered one after another,
//! and the last comes back a quarter of a second after its deadline.
//!
//! Endless ticker, thread flavour: `std::thread` and crossbeam channels.
//!
//! The worker ticks with `tick`, and the caller races the worker's answer against
//! `after` in a `select!`, just as the Go code does.

use std::sync::{Mutex, PoisonError};
use std::thread;
use std::time::Duration;

use crossbeam_channel::{after, bounded, select, select_biased, tick};
use workshop::{Probe, TimedOut};

use super::WORKER;

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // WRONG FIX: held for the whole of a call: one ticker at a time.
    turn: Mutex<()>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, turn: Mutex::new(()) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        // WRONG FIX: wait for the calls before this one to be done.
        let _turn = self.turn.lock().unwrap_or_else(PoisonError::into_inner);
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        // A channel for this call, with room for the one answer.
        let (ready_tx, ready_rx) = bounded(1);
        // Nothing is ever sent on `cancel`: when this call returns, `_cancel` is
        // dropped, and a receive on `cancelled` is ready at once.
        let (_cancel, cancelled) = bounded::<()>(0);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                loop {
                    select_biased! {
                        recv(cancelled) -> _ => return,
                        recv(ticks) -> _ => {}
                    }
                    if probe.check() {
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
