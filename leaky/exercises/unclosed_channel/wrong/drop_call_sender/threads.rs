//! Wrong fix for the unclosed-channel exercise, thread flavour: the call's sender dropped before it returns.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! The loop ends when every sender is gone, so the call drops its sender on the way
//! out. But the call's sender was dropped at the return anyway: the sender that
//! keeps the queue open is the worker's own clone, `retry`, and the worker holds it
//! for as long as it waits. The queue never closes, and the worker waits (or, while
//! the service is down, re-checks) for ever.
//!
//! Unclosed channel, thread flavour: `std::thread` and crossbeam channels.
//!
//! The caller ticks with `tick` and races the worker's answer against `after` in a
//! `select!`; the worker serves one check per request.

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
        // LEAK: the worker keeps a sender to its own queue, so the queue never
        // closes, and the loop below never ends.
        let retry = check_tx.clone();
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                // Serves requests until every sender is gone.
                for () in &check_rx {
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
                    // WRONG FIX: the call's sender is dropped, to close the queue.
                    drop(check_tx);
                    // `Err` means the worker is gone without an answer.
                    return answer.map(drop).map_err(|_| TimedOut(timeout));
                }
                recv(give_up) -> _ => {
                    drop(check_tx);
                    return Err(TimedOut(timeout));
                }
            }
        }
    }
}
