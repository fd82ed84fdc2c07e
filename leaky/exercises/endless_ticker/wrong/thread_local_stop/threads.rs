//! Wrong fix for the endless-ticker exercise, thread flavour:
//! a stop flag in a `thread_local!`, so that each call has its own without a new
//! `Arc` per call: the call raises it when it returns, the worker reads it every
//! tick.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! It reads like a per-call flag, and it compiles with no `Arc` and no `move`; but
//! a thread-local is per thread, and the worker is another thread: it reads its own
//! copy, which nobody ever raises, and a worker whose service never comes up ticks
//! for ever.

use std::cell::Cell;
use std::thread;
use std::time::Duration;

use crossbeam_channel::{after, bounded, select, tick};
use workshop::{Probe, TimedOut};

use super::WORKER;

thread_local! {
    // Raised when the call is over: its worker stops at its next tick.
    static STOPPED: Cell<bool> = const { Cell::new(false) };
}

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
        STOPPED.with(|stopped| stopped.set(false));
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        // A channel for this call, with room for the one answer.
        let (ready_tx, ready_rx) = bounded(1);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in ticks {
                    // A second way out: the call is over.
                    if STOPPED.with(Cell::get) {
                        return;
                    }
                    if probe.check() {
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
        STOPPED.with(|stopped| stopped.set(true));
        answer
    }
}
