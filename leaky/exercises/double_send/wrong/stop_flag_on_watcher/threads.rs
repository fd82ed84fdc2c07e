//! Wrong fix for the double-send exercise, thread flavour:
//! a channel per call with room for both reports, read until one says ready, and a
//! stop flag on the watcher, lowered when a call starts and raised when it
//! returns, which the worker reads at every tick.
//!
//! Breaks: a call is answered ready once its own check passes.
//!
//! With one call at a time it is a cancellation; but the flag is the watcher's,
//! shared by every call: when one call times out and raises it, the worker of a
//! call still waiting stops too, and that call is told "not ready" though its
//! service came up. (And a call that starts lowers the flag again under the feet of
//! the last call's worker, which then ticks on.)
//!
//! Double send, thread flavour: `std::thread` and crossbeam channels.
//!
//! The worker ticks with `tick`, and the caller races a report against `after` in a
//! `select!`, just as the Go code does.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

use crossbeam_channel::{after, bounded, select, tick};
use workshop::{Probe, TimedOut};

use super::WORKER;

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // WRONG FIX: raised when a call is done, so that its worker stops at its next
    // tick.
    stop: Arc<AtomicBool>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, stop: Arc::new(AtomicBool::new(false)) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        // WRONG FIX: a new call: the watcher is in use again.
        self.stop.store(false, Ordering::Release);
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        let stop = Arc::clone(&self.stop);
        // WRONG FIX: a channel for this call only, with room for both reports.
        let (report_tx, report_rx) = bounded(2);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                // The first report: started, not ready yet.
                let _ = report_tx.send(false);
                for _ in ticks {
                    if stop.load(Ordering::Acquire) {
                        return;
                    }
                    if probe.check() {
                        let _ = report_tx.send(true);
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        // WRONG FIX: reports are read until one says ready.
        let give_up = after(timeout);
        let answer = loop {
            select! {
                recv(report_rx) -> report => match report {
                    Ok(true) => break Ok(()),
                    Ok(false) => {}
                    Err(_) => break Err(TimedOut(timeout)),
                },
                recv(give_up) -> _ => break Err(TimedOut(timeout)),
            }
        };
        // WRONG FIX: done: the worker stops at its next tick.
        self.stop.store(true, Ordering::Release);
        answer
    }
}
