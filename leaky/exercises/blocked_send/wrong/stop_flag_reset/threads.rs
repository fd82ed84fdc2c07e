//! Wrong fix for the blocked-send exercise, thread flavour:
//! a stop flag on the watcher, cleared when a call starts and raised when it
//! returns, which the worker reads at every tick.
//!
//! Breaks: a call is answered ready once its own check passes.
//!
//! It looks like a cancellation, and with one call at a time it is one; but the
//! flag is the watcher's, shared by every call: when one call returns and raises
//! it, the worker of a call still waiting stops too, and that call is told "not
//! ready" though its service is up. (A call that starts lowers the flag again under
//! the feet of the last call's worker, which then ticks on.)

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
    // Raised when a call is done, so that its worker stops at its next tick.
    stop: Arc<AtomicBool>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, stop: Arc::new(AtomicBool::new(false)) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        // A new call: the watcher is in use again.
        self.stop.store(false, Ordering::Release);
        let probe = self.probe.clone();
        let ticks = tick(self.tick);
        let stop = Arc::clone(&self.stop);
        // A channel for this call, with room for the answer: the send never waits.
        let (ready_tx, ready_rx) = bounded(1);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in ticks {
                    if stop.load(Ordering::Acquire) {
                        return;
                    }
                    if probe.check() {
                        let _ = ready_tx.try_send(true);
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        let answer = select! {
            recv(ready_rx) -> answer => answer.map(drop).map_err(|_| TimedOut(timeout)),
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        };
        // Done: the worker stops at its next tick.
        self.stop.store(true, Ordering::Release);
        answer
    }
}
