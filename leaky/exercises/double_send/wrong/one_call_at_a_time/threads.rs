//! Wrong fix for the double-send exercise, thread flavour:
//! one report (the answer) on a channel per call, and a lock on the watcher so that
//! only one call at a time runs checks against the slow service.
//!
//! Breaks: a call returns by its deadline.
//!
//! One call after another, each is answered and each worker ends on time; but calls
//! made at once queue on the lock, and a call's deadline is only counted once it
//! holds it: the second call returns up to a whole timeout late.

use std::sync::{Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{after, bounded, select, tick};
use workshop::{Probe, TimedOut};

use super::WORKER;

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // Held by the call under way: the service is slow, so one check at a time.
    one_at_a_time: Mutex<()>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, one_at_a_time: Mutex::new(()) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let _turn =
            self.one_at_a_time.lock().unwrap_or_else(PoisonError::into_inner);
        let deadline = Instant::now() + timeout;
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        let (report_tx, report_rx) = bounded(1);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                // One report, the answer.
                for now in ticks {
                    if now >= deadline {
                        return;
                    }
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
