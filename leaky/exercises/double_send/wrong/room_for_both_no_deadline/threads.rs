//! Wrong fix for the double-send exercise, thread flavour:
//! room for both reports (`bounded(2)`), and a caller that reads until ready.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! In full: a channel per call with room for both reports (`bounded(2)`), and a
//! caller that reads reports until one says ready.
//!
//! The hint's second fix, half done: neither send can wait any more, and "not yet"
//! is no longer taken for the answer. But the worker still leaves its loop only
//! through a passing check. When the service never comes up it is not blocked on
//! anything: it ticks and checks on, forever, long after its caller has timed out.

use std::thread;
use std::time::Duration;

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
        // Room for both reports: neither send can wait.
        let (report_tx, report_rx) = bounded(2);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                // The first report: started, not ready yet.
                let _ = report_tx.send(false);
                for _ in ticks {
                    if probe.check() {
                        let _ = report_tx.send(true);
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        let give_up = after(timeout);
        loop {
            select! {
                recv(report_rx) -> report => match report {
                    Ok(true) => return Ok(()),
                    Ok(false) => {}
                    Err(_) => return Err(TimedOut(timeout)),
                },
                recv(give_up) -> _ => return Err(TimedOut(timeout)),
            }
        }
    }
}
