//! Wrong fix for the blocked-send exercise, thread flavour:
//! a channel per call and a cancellation the worker selects on, and on a timeout
//! the caller also joins the worker, to be sure it is gone before returning.
//!
//! Breaks: a call returns by its deadline.
//!
//! Joining is the tidy way to know a thread has ended, and after an answer it costs
//! nothing; but at the deadline the worker is usually inside `probe.check()`, which
//! cannot be interrupted, so the join keeps the caller until that check is done.

use std::thread;
use std::time::Duration;

use crossbeam_channel::{after, bounded, select, select_biased, tick};
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
        let probe = self.probe.clone();
        let ticks = tick(self.tick);
        let (ready_tx, ready_rx) = bounded(1);
        // Dropped to tell the worker to stop.
        let (cancel, cancelled) = bounded::<()>(0);
        let worker = thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                loop {
                    select_biased! {
                        recv(cancelled) -> _ => return,
                        recv(ticks) -> _ => {}
                    }
                    if probe.check() {
                        let _ = ready_tx.try_send(true);
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        select! {
            recv(ready_rx) -> _ => Ok(()),
            recv(after(timeout)) -> _ => {
                // Stop the worker and make sure it has really stopped: no thread
                // left behind.
                drop(cancel);
                let _ = worker.join();
                Err(TimedOut(timeout))
            }
        }
    }
}
