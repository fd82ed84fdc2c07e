//! Wrong fix for the double-send exercise, thread flavour:
//! the worker reports every check and stops when a report finds nobody; the caller
//! reads the first report on its own, then races the rest against the deadline.
//!
//! Breaks: a call returns by its deadline.
//!
//! With quick checks the first report comes at once and the deadline is as good as
//! the caller's; but the first report now comes after the first check, and the
//! plain `recv()` waits for it with no deadline at all: a slow check keeps the
//! caller, and its deadline only starts once the check is done.

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
        // A channel for this call only: once it returns, a send fails at once.
        let (report_tx, report_rx) = bounded(0);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in ticks {
                    let ready = probe.check();
                    // Every check is reported; nobody listening means stop.
                    if report_tx.send(ready).is_err() || ready {
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        // The first report: the worker is up and running.
        match report_rx.recv() {
            Ok(true) => return Ok(()),
            Ok(false) => {}
            Err(_) => return Err(TimedOut(timeout)),
        }
        // Then read reports until one says ready, or the deadline comes.
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
