//! Wrong fix for the double-send exercise, thread flavour: the caller reads reports until one says ready.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! Reading every report until "ready" or the deadline means the "not yet" no longer
//! ends the call early. But the channel is still the watcher's, shared by every
//! call: the "ready" of a worker whose call timed out goes to whichever later call
//! is waiting, and that call says ready on a check made for another. (And its "not
//! yet" can end up in an earlier call's hands.)
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
        // WRONG FIX: reports are read until one says ready.
        let give_up = after(timeout);
        loop {
            select! {
                recv(report_rx) -> report => if report == Ok(true) {
                    return Ok(());
                },
                recv(give_up) -> _ => return Err(TimedOut(timeout)),
            }
        }
    }
}
