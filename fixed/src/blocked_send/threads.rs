//! Blocked send, thread flavour, fixed with no thread at all: the caller checks.
//!
//! The caller ticks with crossbeam's `tick` and runs each check itself, racing the
//! tick against its own deadline (`at`) in a `select!`.

use std::time::{Duration, Instant};

use crossbeam_channel::{at, select, tick};
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // FIX: no channel here. The caller checks for itself, so there is nothing to
    // send and nobody to wait for.
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let deadline = Instant::now() + timeout;
        let ticks = tick(self.tick);
        // FIX: no worker thread. The caller runs the check itself, on its own
        // ticker, so when it returns there is nothing left behind to wait, send or
        // loop.
        loop {
            select! {
                recv(ticks) -> _ => {}
                recv(at(deadline)) -> _ => return Err(TimedOut(timeout)),
            }
            // FIX: the check gets the caller's deadline, so a slow check cannot
            // keep the caller past it.
            match self.probe.check_until(deadline) {
                Some(true) => return Ok(()),
                Some(false) => continue,
                None => return Err(TimedOut(timeout)),
            }
        }
    }
}
