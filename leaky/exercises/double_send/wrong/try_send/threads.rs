//! Wrong fix for the double-send exercise, thread flavour: the second report sent with `try_send`.
//!
//! Breaks: a call is answered ready once its own check passes.
//!
//! The second send was the one that blocked; made a `try_send`, it drops the report
//! when nobody listens, and the worker ends. But the caller still reads one report,
//! and the first is always "not yet": a call says not ready even when its check
//! passes at once. (And a worker whose service never comes up still ticks forever.)
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
                        // WRONG FIX: a second report that never waits.
                        let _ = report_tx.try_send(true);
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
