//! Right fix for the blocked-send exercise, thread flavour, written
//! differently from `fixed/`: a slot, a stop flag, and bounded checks.
//!
//! Right: the worker stops within its check in flight and a tick of the call.
//!
//! In full: a one-slot channel per call, a stop flag a guard raises however the
//! call returns, and checks that give up at the call's deadline.
//!
//! Why: the call owns its channel, so no answer reaches another call; the slot
//! takes the one send at once; the worker reads the flag before each check and each
//! check ends by the deadline, so after the call returns the worker finishes at
//! most the check in flight and stops at its next tick.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{at, bounded, select, tick};
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
        let probe = self.probe.clone();
        let ticks = tick(self.tick);
        let (ready_tx, ready_rx) = bounded(1);
        let stop = Arc::new(AtomicBool::new(false));
        // Raised when this call returns, however it returns.
        let _stop_on_return = RaiseOnDrop(Arc::clone(&stop));
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in ticks {
                    if stop.load(Ordering::Acquire) || Instant::now() >= deadline {
                        return;
                    }
                    match probe.check_until(deadline) {
                        Some(true) => {
                            // The slot is free: this send never waits.
                            let _ = ready_tx.send(true);
                            return;
                        }
                        Some(false) => {}
                        // The deadline came during the check.
                        None => return,
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        select! {
            // A closed channel is a worker that reached the deadline: not an
            // answer.
            recv(ready_rx) -> answer => {
                answer.map(drop).map_err(|_| TimedOut(timeout))
            }
            recv(at(deadline)) -> _ => Err(TimedOut(timeout)),
        }
    }
}

/// Raises its flag when dropped.
struct RaiseOnDrop(Arc<AtomicBool>);

impl Drop for RaiseOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Release);
    }
}
