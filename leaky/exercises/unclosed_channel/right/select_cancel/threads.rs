//! Right fix for the unclosed-channel exercise, thread flavour, written
//! differently from `fixed/`: the worker keeps its `retry` sender, but waits for
//! its next request in a `select_biased!` that first looks at a per-call
//! cancellation the call drops when it returns.
//!
//! Right: whether the queue ever closes no longer matters: once the call has
//! returned, the worker's next wait (after the check in flight) finds the
//! cancellation first and ends, answered or not, service up or never; the
//! cancellation and both channels are the call's own, so no other call can end its
//! worker or read its answer.

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
        // Requests to check, one a tick, and the answer, for this call.
        let (check_tx, check_rx) = bounded::<()>(1);
        let (ready_tx, ready_rx) = bounded(1);
        // Never sent on: dropped when this call returns, however it returns.
        let (_cancel, cancelled) = bounded::<()>(0);
        let retry = check_tx.clone();
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                loop {
                    // The cancellation first: a retry is almost always waiting.
                    select_biased! {
                        recv(cancelled) -> _ => return,
                        recv(check_rx) -> request => if request.is_err() { return },
                    }
                    let ready = probe.check();
                    // Requests that came during the check are answered by it.
                    while check_rx.try_recv().is_ok() {}
                    if ready {
                        let _ = ready_tx.try_send(true);
                    } else {
                        // Not yet: check again, without waiting for a request.
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
                    // `Err` means the worker is gone without an answer.
                    return answer.map(drop).map_err(|_| TimedOut(timeout));
                }
                recv(give_up) -> _ => return Err(TimedOut(timeout)),
            }
        }
    }
}
