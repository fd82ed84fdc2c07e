//! Wrong fix for the unclosed-channel exercise, thread flavour:
//! the worker keeps no sender of its own, so the queue closes with the call; and at
//! the deadline the caller waits 50 ms more for a check that is about to pass.
//!
//! Breaks: a call returns by its deadline.
//!
//! The queue closes and the worker ends with its call, as in the fix, and an
//! answer that was nearly in is not wasted; but the caller asked to give up at its
//! deadline, not 50 ms after it: when the service is slow, every call comes back
//! late, and a caller that budgets its own time misses its deadline because of this
//! one.
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

/// How long past its deadline a call waits for a check that is under way.
const GRACE: Duration = Duration::from_millis(50);

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
                // Serves requests until every sender is gone.
                // WRONG FIX: the worker keeps no sender: when the call returns,
                // its sender, the only one, goes, and this loop ends.
                for () in &check_rx {
                    let ready = probe.check();
                    // Requests that came during the check are answered by it.
                    while check_rx.try_recv().is_ok() {}
                    if ready {
                        let _ = ready_tx.try_send(true);
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
                recv(give_up) -> _ => break,
            }
        }
        // WRONG FIX: a check may be just about to pass: give its answer a moment
        // to land, rather than throw it away.
        ready_rx.recv_timeout(GRACE).map(drop).map_err(|_| TimedOut(timeout))
    }
}
