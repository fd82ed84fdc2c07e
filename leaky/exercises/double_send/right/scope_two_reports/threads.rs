//! Right fix for the double-send exercise, thread flavour, written
//! differently from `fixed/`: both reports kept, on a channel of the call's own
//! with room for two, the caller reading until one says ready, and the worker in a
//! `std::thread::scope` that selects on a per-call cancellation and checks with
//! `check_until(deadline)`.
//!
//! Right: no send can wait (two reports, two slots), the reports cannot reach
//! another call, "not yet" is read as not yet; the scope joins the worker before
//! the call returns, and the join is quick: a waiting worker hears the cancellation
//! at once, and a check in flight gives up at the deadline.

use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{at, bounded, select, select_biased, tick};
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
        let ticks = tick(self.tick);
        // Room for both reports: neither send ever waits.
        let (report_tx, report_rx) = bounded(2);
        // Never sent on: dropped, it wakes the worker.
        let (cancel, cancelled) = bounded::<()>(0);
        thread::scope(|scope| {
            thread::Builder::new()
                .name(WORKER.to_owned())
                .spawn_scoped(scope, move || {
                    // The first report: started, not ready yet.
                    let _ = report_tx.try_send(false);
                    loop {
                        select_biased! {
                            recv(cancelled) -> _ => return,
                            recv(ticks) -> _ => {}
                        }
                        match self.probe.check_until(deadline) {
                            Some(true) => {
                                let _ = report_tx.try_send(true);
                                return;
                            }
                            Some(false) => {}
                            None => return,
                        }
                    }
                })
                .unwrap_or_else(|e| {
                    panic!("the OS refused to start a thread: {e}")
                });
            let give_up = at(deadline);
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
            drop(cancel);
            answer
        })
    }
}
