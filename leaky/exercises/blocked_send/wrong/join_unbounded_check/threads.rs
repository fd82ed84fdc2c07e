//! Wrong fix for the blocked-send exercise, thread flavour:
//! on a timeout, the caller raises a stop flag and joins the worker.
//!
//! Breaks: a call returns by its deadline.
//!
//! In full: a channel per call, and on a timeout the caller raises a stop flag and
//! joins the worker, so that nothing can outlive the call.
//!
//! Joining looks like the surest way to leave nothing behind, and the flag does end
//! the ticker. But the worker may be in the middle of `probe.check()`, which has no
//! deadline of its own: the join waits for that check, and the caller waits with
//! it, past its deadline, for as long as the check takes.

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
        // A channel for this call, with room for the one answer.
        let (ready_tx, ready_rx) = bounded(1);
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let worker = thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in ticks {
                    if stopped.load(Ordering::Acquire) {
                        return;
                    }
                    if probe.check() {
                        let _ = ready_tx.send(true);
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        select! {
            // The worker sent its answer and returned: nothing to stop.
            recv(ready_rx) -> _ => Ok(()),
            recv(after(timeout)) -> _ => {
                // Stop the worker, and make sure it is gone before returning.
                stop.store(true, Ordering::Release);
                let _ = worker.join();
                Err(TimedOut(timeout))
            }
        }
    }
}
