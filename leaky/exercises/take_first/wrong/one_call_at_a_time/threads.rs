//! Wrong fix for the take-first exercise, thread flavour:
//! a channel per call and a cancellation the replicas select on, and a lock on the
//! watcher so that only one call at a time sets replicas on the service.
//!
//! Breaks: a call returns by its deadline.
//!
//! Every replica stops once its call is over, and two callers never triple the
//! load on the service together; but a call now waits for the lock before its own
//! time starts: ten callers at once with a timeout of 30 ms each are answered one
//! after another, and the last comes back a quarter of a second after its deadline.
//!
//! Take first, thread flavour: `std::thread` and crossbeam channels.
//!
//! The workers tick with `tick`, and the caller races the first answer against
//! `after` in a `select!`, just as the Go code does.

use std::sync::{Mutex, PoisonError};
use std::thread;
use std::time::Duration;

use crossbeam_channel::{after, bounded, select, select_biased, tick};
use workshop::{Probe, TimedOut};

use super::{REPLICAS, WORKER};

/// Waits for a service to become ready, asking every replica at once.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // WRONG FIX: held for the whole of a call: one call at a time asks.
    turn: Mutex<()>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, turn: Mutex::new(()) }
    }

    /// Waits until the first replica's probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        // WRONG FIX: wait for the calls before this one to be done.
        let _turn = self.turn.lock().unwrap_or_else(PoisonError::into_inner);
        // WRONG FIX: a channel for this call only.
        let (ready_tx, ready_rx) = bounded(0);
        // Nothing is ever sent on `cancel`: once this call returns, `_cancel` is
        // dropped, and a receive on `cancelled` is ready at once.
        let (_cancel, cancelled) = bounded::<()>(0);
        for _ in 0..REPLICAS {
            let (probe, ticks) = (self.probe.clone(), tick(self.tick));
            let (ready_tx, cancelled) = (ready_tx.clone(), cancelled.clone());
            thread::Builder::new()
                .name(WORKER.to_owned())
                .spawn(move || {
                    loop {
                        select_biased! {
                            recv(cancelled) -> _ => return,
                            recv(ticks) -> _ => {}
                        }
                        if probe.check() {
                            select_biased! {
                                recv(cancelled) -> _ => {}
                                send(ready_tx, true) -> _ => {}
                            }
                            return;
                        }
                    }
                })
                .unwrap_or_else(|e| {
                    panic!("the OS refused to start a thread: {e}")
                });
        }
        select! {
            recv(ready_rx) -> _ => Ok(()),
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }
}
