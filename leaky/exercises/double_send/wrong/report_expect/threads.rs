//! Wrong fix for the double-send exercise, thread flavour:
//! a channel per call, both reports kept, and the caller reading until one says
//! ready; the worker's sends `expect` a receiver, and it stops at the deadline.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! The reading is fixed and the worker has an end; but when the call gives up
//! before the worker's answer, the answer's send finds no receiver and the `expect`
//! panics in the worker: a panic per timed-out call that was about to hear "ready".

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
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        // Room for both reports.
        let (report_tx, report_rx) = bounded(2);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                // The first report: started, not ready yet.
                report_tx.send(false).expect("the caller reads every report");
                for now in ticks {
                    if now >= deadline {
                        return;
                    }
                    if probe.check() {
                        report_tx
                            .send(true)
                            .expect("the caller reads every report");
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
