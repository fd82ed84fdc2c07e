//! Wrong fix for the double-send exercise, thread flavour: a channel per call, read until ready.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! A channel per call, read until a report says ready: no report is left for
//! another call, and a report sent after the call has gone fails at once instead of
//! waiting. But the worker ignores that failure, and its loop still ends only on a
//! check that passes: when the service never comes up, it ticks on after its call
//! has gone, for ever.
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
        // WRONG FIX: a channel for this call only.
        let (report_tx, report_rx) = bounded(0);
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
