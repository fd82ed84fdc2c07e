//! Double send, thread flavour: `std::thread` and crossbeam channels.
//!
//! The worker ticks with `tick`, and the caller races a report against `after` in a
//! `select!`, just as the Go code does.

use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{bounded, tick};
use workshop::{Probe, TimedOut};

use super::WORKER;

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // FIX: no channel kept here: each call makes its own.
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        // FIX: the worker ticks until the call's deadline and no further: a check
        // that never passes cannot keep it ticking once its caller has gone.
        let deadline = Instant::now() + timeout;
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        // FIX: a channel for this call only: once the call returns, its receiver
        // is gone, and a send fails at once.
        let (report_tx, report_rx) = bounded(0);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                // The first report: started, not ready yet.
                // FIX: a send that fails means nobody listens any more: stop.
                if report_tx.send(false).is_err() {
                    return;
                }
                for _ in ticks.into_iter().take_while(|&now| now < deadline) {
                    if probe.check() {
                        let _ = report_tx.send(true);
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        // FIX: reports are read until one says ready, or the deadline comes.
        loop {
            match report_rx.recv_deadline(deadline) {
                Ok(true) => return Ok(()),
                Ok(false) => {}
                Err(_) => return Err(TimedOut(timeout)),
            }
        }
    }
}
