//! Right fix for the double-send exercise, thread flavour, written
//! differently from `fixed/`: a `thread::scope` and a stop channel.
//!
//! Right: the scope joins the worker, whose checks end by the deadline.
//!
//! In full: the worker runs in a `std::thread::scope`, both reports have room in
//! the call's channel, and the worker wakes on a stop channel the call drops when
//! it has its answer.
//!
//! Why: the scope joins the worker before the call returns, and the join waits at
//! most for a check in flight, which gives up at the call's deadline; the caller
//! reads reports until one says ready, so "not yet" is never an answer, and the
//! channel is this call's alone.

use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{bounded, select_biased, tick};
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
        let (probe, ticks) = (&self.probe, tick(self.tick));
        let (report_tx, report_rx) = bounded(2);
        // Nothing is sent on it: dropping `stop_tx` wakes the worker at once.
        let (stop_tx, stop_rx) = bounded::<()>(0);
        thread::scope(|scope| {
            thread::Builder::new()
                .name(WORKER.to_owned())
                .spawn_scoped(scope, move || {
                    // The first report: started, not ready yet.
                    let _ = report_tx.send(false);
                    loop {
                        select_biased! {
                            recv(stop_rx) -> _ => return,
                            recv(ticks) -> _ => {}
                        }
                        if Instant::now() >= deadline {
                            return;
                        }
                        if probe.check_until(deadline) == Some(true) {
                            let _ = report_tx.send(true);
                            return;
                        }
                    }
                })
                .unwrap_or_else(|e| {
                    panic!("the OS refused to start a thread: {e}")
                });
            let answer = loop {
                match report_rx.recv_deadline(deadline) {
                    Ok(true) => break Ok(()),
                    Ok(false) => {}
                    // The deadline, or a worker that stopped at it.
                    Err(_) => break Err(TimedOut(timeout)),
                }
            };
            drop(stop_tx);
            answer
        })
    }
}
