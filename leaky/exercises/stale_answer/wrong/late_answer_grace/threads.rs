//! Wrong fix for the stale-answer exercise, thread flavour:
//! a channel per call, so that a late answer goes nowhere, and at the deadline a
//! short grace of 150 ms for an answer already on its way, rather than waste it.
//!
//! Breaks: a call returns by its deadline.
//!
//! The stale answer is gone for good, and a check that passes just after the
//! deadline is no longer thrown away; but the caller set the deadline, and a call
//! that times out now returns 150 ms after it.

use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{after, bounded, select, tick};
use workshop::{Probe, TimedOut};

use super::WORKER;

/// How long a call waits past its deadline for an answer on its way.
const GRACE: Duration = Duration::from_millis(150);

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
        let deadline = Instant::now() + timeout;
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        // This call's own channel, with room for its answer.
        let (ready_tx, ready_rx) = bounded(1);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for now in ticks {
                    if now >= deadline {
                        return;
                    }
                    if probe.check() {
                        let _ = ready_tx.send(true);
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        select! {
            recv(ready_rx) -> answer => answer.map(drop).map_err(|_| TimedOut(timeout)),
            recv(after(timeout)) -> _ => {
                // A check that passed just now still counts.
                ready_rx
                    .recv_timeout(GRACE)
                    .map(drop)
                    .map_err(|_| TimedOut(timeout))
            }
        }
    }
}
