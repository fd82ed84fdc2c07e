//! Wrong fix for the endless-ticker exercise, thread flavour:
//! a cap on the worker's loop, at a hundred checks, so that a service that never
//! comes up cannot keep it ticking for ever.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! The loop has an end now, and a test that waits long enough sees every worker go;
//! but a hundred ticks is not the call's time: a call that gives up leaves its
//! worker checking for up to a hundred ticks more, and calls in a row stack them
//! up.

use std::thread;
use std::time::Duration;

use crossbeam_channel::{after, bounded, select, tick};
use workshop::{Probe, TimedOut};

use super::WORKER;

/// At most this many checks per call: enough for any service worth waiting for.
const MAX_CHECKS: usize = 100;

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
        // A channel for this call, with room for the one answer.
        let (ready_tx, ready_rx) = bounded(1);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                // No more endless loop: the worker gives up after MAX_CHECKS.
                for _ in ticks.iter().take(MAX_CHECKS) {
                    if probe.check() {
                        let _ = ready_tx.send(true);
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        select! {
            recv(ready_rx) -> answer => answer.map(drop).map_err(|_| TimedOut(timeout)),
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }
}
