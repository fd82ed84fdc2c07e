//! Wrong fix for the double-send exercise, thread flavour:
//! one report (the answer) on a rendezvous channel per call, and a cap on the
//! worker's loop at 500 checks, so that a service that never comes up cannot keep
//! it ticking for ever.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! No "not yet" is left unread, a late answer finds no receiver and fails at once,
//! and the loop has an end; but the end is the worker's own, not its call's: a call
//! that gives up after 10 ms leaves its worker checking for 500 ticks more, and
//! calls in a row stack them up.
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

/// At most this many checks per call: enough for any service worth waiting for.
const MAX_CHECKS: usize = 500;

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
        // WRONG FIX: a channel for this call only: once it returns, a send fails
        // at once.
        let (report_tx, report_rx) = bounded(0);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                // WRONG FIX: one report, the answer, and at most MAX_CHECKS checks.
                for _ in ticks.iter().take(MAX_CHECKS) {
                    if probe.check() {
                        let _ = report_tx.send(true);
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        select! {
            recv(report_rx) -> report => match report {
                Ok(true) => Ok(()),
                _ => Err(TimedOut(timeout)),
            },
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }
}
