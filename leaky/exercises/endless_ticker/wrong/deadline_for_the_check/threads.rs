//! Wrong fix for the endless-ticker exercise, thread flavour: each check given the call's deadline.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! Each check now gives up at the call's deadline, so a slow check cannot run past
//! it. But that bounds one check, not the loop: after the deadline each check gives
//! up at once, and the worker ticks on, checking for ever, when the service never
//! comes up.
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
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        let deadline = Instant::now() + timeout;
        // A channel for this call, with room for the one answer.
        let (ready_tx, ready_rx) = bounded(1);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                // LEAK: the only way out of this loop is a check that passes. If
                // it never does, the worker ticks forever.
                for _ in ticks {
                    // WRONG FIX: no check runs past the call's deadline.
                    if probe.check_until(deadline) == Some(true) {
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
