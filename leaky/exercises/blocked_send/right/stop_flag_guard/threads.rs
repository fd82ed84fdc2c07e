//! Right fix for the blocked-send exercise, thread flavour, written
//! differently from `fixed/`: a channel per call with one slot, and a stop flag per
//! call that a guard raises however the call returns; the worker reads it at every
//! tick.
//!
//! Right: the answer channel belongs to the call, so no answer can reach another
//! call and the late send never waits; the flag is the call's own, so no other call
//! can clear or raise it; and the worker reads it before every check, so once the
//! call has returned it ends within the check in flight and one tick, service up or
//! not.

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
        // This call's answer, with room for it: the worker's send never waits.
        let (ready_tx, ready_rx) = bounded(1);
        // This call's stop flag, raised when the guard goes, on every way out.
        let stopped = Arc::new(AtomicBool::new(false));
        let _stop_on_return = StopOnDrop(Arc::clone(&stopped));
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in ticks {
                    if stopped.load(Ordering::Acquire) {
                        return;
                    }
                    if probe.check() {
                        let _ = ready_tx.try_send(());
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        select! {
            // `Err` cannot come before the flag is up, but would mean no answer.
            recv(ready_rx) -> answer => answer.map_err(|_| TimedOut(timeout)),
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }
}

/// Raises its flag when dropped.
struct StopOnDrop(Arc<AtomicBool>);

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Release);
    }
}
