//! Right fix for the stale-answer exercise, thread flavour, written
//! differently from `fixed/`: a rendezvous channel per call; the worker reports
//! every check, and stops at the first report nobody receives; the caller reads
//! until a report says ready.
//!
//! Right: the channel belongs to the call, so a late answer has nowhere to wait and
//! no later call can see it; once the call has returned its receiver is gone, and
//! the worker's next report (after the check in flight) fails at once and ends it,
//! service up or never.

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
        // This call's channel: a send waits for this call, and fails once it is gone.
        let (report_tx, report_rx) = bounded(0);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in ticks {
                    let ready = probe.check();
                    if report_tx.send(ready).is_err() || ready {
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
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
