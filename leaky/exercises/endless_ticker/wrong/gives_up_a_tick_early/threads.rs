//! Wrong fix for the endless-ticker exercise, thread flavour:
//! the worker skips a last check that could not answer before the deadline.
//!
//! Breaks: a call returns by its deadline.
//!
//! In full: the worker stops at the call's deadline, and skips a last check that
//! could not be reported before it; the caller reads the closed channel as the
//! timeout.
//!
//! Stopping at the deadline is the right way out of the loop, and reading a closed
//! channel as "not ready" is what the fixes do. But the worker stops a tick early,
//! on the reasoning that a check started with a tick or less left is wasted: its
//! channel then closes up to a tick before the deadline, and the caller, which
//! takes the close for the deadline, returns `Err` early.

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
        let deadline = Instant::now() + timeout;
        let (probe, every, ticks) =
            (self.probe.clone(), self.tick, tick(self.tick));
        let (ready_tx, ready_rx) = bounded(1);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for now in ticks {
                    // A tick or less left: no answer could come in time.
                    if now + every >= deadline {
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
            // Closed: the worker reached the deadline.
            recv(ready_rx) -> answer => {
                answer.map(drop).map_err(|_| TimedOut(timeout))
            }
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }
}
