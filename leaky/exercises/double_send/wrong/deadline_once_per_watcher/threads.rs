//! Wrong fix for the double-send exercise, thread flavour:
//! one deadline for caller and worker, computed once and kept on the watcher.
//!
//! Breaks: a call returns by its deadline.
//!
//! In full: the worker and the caller share one deadline, computed once and kept on
//! the watcher so that both read the same instant.
//!
//! Sharing one `Instant` between the caller and its worker is a sound idea, and the
//! first call is right in every way: room for both reports, a worker that stops at
//! the deadline, a caller that reads until ready. But `OnceLock` computes it once
//! per watcher, not once per call: every later call gets the first call's deadline,
//! long gone, and gives up at once, or at whatever is left of the first call's
//! time.

use std::sync::OnceLock;
use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{bounded, tick};
use workshop::{Probe, TimedOut};

use super::WORKER;

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    /// The instant the caller and its worker both give up at.
    deadline: OnceLock<Instant>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, deadline: OnceLock::new() }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let deadline = *self.deadline.get_or_init(|| Instant::now() + timeout);
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        let (report_tx, report_rx) = bounded(2);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                let _ = report_tx.send(false);
                for _ in ticks.into_iter().take_while(|&now| now < deadline) {
                    if probe.check() {
                        let _ = report_tx.send(true);
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        loop {
            match report_rx.recv_deadline(deadline) {
                Ok(true) => return Ok(()),
                Ok(false) => {}
                Err(_) => return Err(TimedOut(timeout)),
            }
        }
    }
}
