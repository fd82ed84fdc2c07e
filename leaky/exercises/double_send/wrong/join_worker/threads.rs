//! Wrong fix for the double-send exercise, thread flavour: the worker joined before the call returns.
//!
//! Breaks: a call returns by its deadline.
//!
//! Joining the worker makes sure it cannot outlive the call. But the worker ends
//! only after its second report is taken, and nobody takes it: the join waits past
//! the call's deadline, for ever.
//!
//! Double send, thread flavour: `std::thread` and crossbeam channels.
//!
//! The worker ticks with `tick`, and the caller races a report against `after` in a
//! `select!`, just as the Go code does.

use std::thread;
use std::time::Duration;

use crossbeam_channel::{Receiver, Sender, after, bounded, select, tick};
use workshop::{Probe, TimedOut};

use super::WORKER;

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // LEAK: one channel for every call, kept by the watcher: its receiving end
    // outlives each call.
    reports: (Sender<bool>, Receiver<bool>),
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, reports: bounded(0) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        let (report_tx, report_rx) = self.reports.clone();
        let worker = thread::Builder::new()
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
        let answer = select! {
            recv(report_rx) -> report => match report {
                Ok(true) => Ok(()),
                _ => Err(TimedOut(timeout)),
            },
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        };
        // WRONG FIX: the worker is joined, so that it cannot outlive the call.
        let _ = worker.join();
        answer
    }
}
