//! Wrong fix for the endless-ticker exercise, thread flavour:
//! the worker's checks give up at the call's deadline, and the worker stops
//! there; the caller's `select!` is kept.
//!
//! Breaks: a call is answered ready once its own check passes.
//!
//! The loop has a second way out now, at the call's deadline; but the caller still
//! reads `recv(ready_rx) -> _` as "ready", and a receive on a channel whose sender
//! is gone is ready too, with an `Err`. The worker gives up at the deadline, a
//! moment before the caller's timer fires: whichever comes first wins, and a call
//! whose service never came up may be told it is ready.
//!
//! Endless ticker, thread flavour: `std::thread` and crossbeam channels.
//!
//! The worker ticks with `tick`, and the caller races the worker's answer against
//! `after` in a `select!`, just as the Go code does.

use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{after, bounded, select, tick};
use workshop::{Probe, TimedOut};

use super::WORKER;

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
        // WRONG FIX: the worker knows the call's deadline.
        let deadline = Instant::now() + timeout;
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        // A channel for this call, with room for the one answer.
        let (ready_tx, ready_rx) = bounded(1);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in ticks {
                    // WRONG FIX: a second way out: each check gives up at the
                    // deadline, and so does the worker.
                    match probe.check_until(deadline) {
                        Some(true) => {
                            let _ = ready_tx.send(true);
                            return;
                        }
                        Some(false) => {}
                        None => return,
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
