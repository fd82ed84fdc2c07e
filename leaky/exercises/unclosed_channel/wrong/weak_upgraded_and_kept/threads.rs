//! Wrong fix for the unclosed-channel exercise, thread flavour:
//! the worker holds a `Weak` to the call's sender, upgraded once at start.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! In full: the call's sender lives in an `Arc` and the worker holds a `Weak` to
//! it, upgraded once, when the worker starts, rather than on every retry.
//!
//! A `Weak` is the right tool, and upgrading it once looks like a saving: the call
//! is certainly alive when its worker starts. But the upgraded `Arc` is a strong
//! sender, kept for the worker's whole life: the queue can never close, exactly as
//! with the `retry` clone it replaced, and a worker whose service never comes up
//! serves its own retries forever.

use std::sync::Arc;
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
        // Requests to check, one a tick, and the answer, for this call.
        let (check_tx, check_rx) = bounded::<()>(1);
        let check_tx = Arc::new(check_tx);
        let (ready_tx, ready_rx) = bounded(1);
        // The worker does not own the call's sender: it only refers to it.
        let caller = Arc::downgrade(&check_tx);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                // The call is gone already: nothing to serve.
                let Some(retry) = caller.upgrade() else {
                    return;
                };
                for () in &check_rx {
                    let ready = probe.check();
                    while check_rx.try_recv().is_ok() {}
                    if ready {
                        let _ = ready_tx.try_send(true);
                    } else {
                        let _ = retry.try_send(());
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        let (ticks, give_up) = (tick(self.tick), after(timeout));
        loop {
            select! {
                recv(ticks) -> _ => { let _ = check_tx.try_send(()); }
                recv(ready_rx) -> answer => {
                    return answer.map(drop).map_err(|_| TimedOut(timeout));
                }
                recv(give_up) -> _ => return Err(TimedOut(timeout)),
            }
        }
    }
}
