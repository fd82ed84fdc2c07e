//! Wrong fix for the double-send exercise, thread flavour: a channel per call, with room for both reports.
//!
//! Breaks: a call is answered ready once its own check passes.
//!
//! A channel per call with room for both reports means neither send ever waits, and
//! no report is left for another call. But the caller still reads one report and
//! acts on it, and the first report is always "not yet": every call says not ready,
//! even when the service is up at once.
//!
//! Double send, thread flavour: `std::thread` and crossbeam channels.
//!
//! The worker ticks with `tick`, and the caller races a report against `after` in a
//! `select!`, just as the Go code does.

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
        // WRONG FIX: a channel for this call only, with room for both reports.
        let (report_tx, report_rx) = bounded(2);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                // The first report: started, not ready yet.
                let _ = report_tx.send(false);
                for _ in ticks {
                    if probe.check() {
                        // LEAK: the caller read one report and left: this second
                        // send waits for a receiver forever.
                        let _ = report_tx.send(true);
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        // LEAK: one report is read, whatever it says; the rest are left unread.
        select! {
            recv(report_rx) -> report => match report {
                Ok(true) => Ok(()),
                _ => Err(TimedOut(timeout)),
            },
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }
}
