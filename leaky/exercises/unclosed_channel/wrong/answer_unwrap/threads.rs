//! Wrong fix for the unclosed-channel exercise, thread flavour:
//! the worker keeps no sender of its own, so the queue closes with the call; and
//! since the answer channel has a slot, its send is simply unwrapped.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! The queue now closes and the loop ends, as the hint says; but a check still in
//! flight when the call gives up (or one for a request queued just before) can pass
//! after the call has gone: its answer goes to a channel whose receiver is gone,
//! and the `unwrap` panics in the worker.

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
        let (ready_tx, ready_rx) = bounded(1);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                // Serves requests until the call's sender, the only one, is gone.
                for () in &check_rx {
                    let ready = probe.check();
                    // Requests that came during the check are answered by it.
                    while check_rx.try_recv().is_ok() {}
                    if ready {
                        // One slot, one answer: this cannot fail.
                        ready_tx.send(true).unwrap();
                        return;
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
