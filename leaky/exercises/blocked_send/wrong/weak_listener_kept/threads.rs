//! Wrong fix for the blocked-send exercise, thread flavour:
//! the worker upgrades a `Weak` to the call's receiver once, and keeps it.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! In full: the worker holds a `Weak` to the call's receiver, upgraded once when it
//! starts, and stops at the first tick where it holds the only strong reference.
//!
//! The count does tell the worker when the caller has gone, and a service that
//! never comes up is handled: the worker stops at its next tick. But the upgraded
//! `Arc` is kept for the whole loop, so the receiver lives as long as the worker
//! does. When a check passes after the caller gave up, the rendezvous send waits
//! for a receiver that is alive, held by the sender itself, and that nobody will
//! ever read: forever.

use std::sync::Arc;
use std::thread;
use std::time::Duration;

use crossbeam_channel::{Receiver, after, bounded, select, tick};
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
        let (ready_tx, ready_rx) = bounded(0);
        // The call's receiver, shared so that the worker can see whether the caller
        // still listens.
        let listening = Arc::new(ready_rx);
        let caller = Arc::downgrade(&listening);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                // Upgraded once, rather than at every tick.
                let Some(listener) = caller.upgrade() else {
                    return;
                };
                for _ in ticks {
                    // Ours is the only reference left: the caller has gone.
                    if Arc::strong_count(&listener) == 1 {
                        return;
                    }
                    if probe.check() {
                        let _ = ready_tx.send(true);
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        let ready_rx: &Receiver<bool> = &listening;
        select! {
            recv(ready_rx) -> _ => Ok(()),
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }
}
