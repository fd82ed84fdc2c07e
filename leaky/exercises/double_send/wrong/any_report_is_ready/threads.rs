//! Wrong fix for the double-send exercise, thread flavour:
//! room for both reports, and the blocked-send fix's `select!`, word for word.
//!
//! Breaks: a call is answered ready once its own check passes.
//!
//! In full: a channel per call with room for both reports and a worker that stops
//! at the call's deadline; the caller's `select!` is the blocked-send fix's, word
//! for word.
//!
//! Nothing is left behind: both sends find room, and the worker stops at the
//! deadline. But the receive arm was copied from a fix where the only message is
//! the answer: `answer.map(drop)` makes any report `Ok(())`. Here the first report,
//! sent at once, is "started, not ready yet", and the call says ready on it before
//! any check has run, whether or not the service is up.

use std::thread;
use std::time::{Duration, Instant};

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
        let deadline = Instant::now() + timeout;
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        let (report_tx, report_rx) = bounded(2);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                // The first report: started, not ready yet.
                let _ = report_tx.send(false);
                for _ in ticks.into_iter().take_while(|&now| now < deadline) {
                    if probe.check() {
                        let _ = report_tx.send(true);
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        select! {
            // A closed channel is a worker that gave up, not an answer.
            recv(report_rx) -> answer => {
                answer.map(drop).map_err(|_| TimedOut(timeout))
            }
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }
}
