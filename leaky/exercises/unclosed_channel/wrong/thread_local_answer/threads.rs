//! Wrong fix for the unclosed-channel exercise, thread flavour:
//! the worker keeps no sender of its own, so the queue closes with the call; and
//! the answer's channel, which need not close, is made once per calling thread, in
//! a `thread_local!`.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! The queue closes with its call and the worker ends, as in the fix; but the
//! answer's slot now outlives the call, on the thread that made it: an answer that
//! lands after its call gave up (a check that passes once the deadline has come)
//! waits in the slot, and the thread's next call takes it as its own.
//!
//! Unclosed channel, thread flavour: `std::thread` and crossbeam channels.
//!
//! The caller ticks with `tick` and races the worker's answer against `after` in a
//! `select!`; the worker serves one check per request.

use std::thread;
use std::time::Duration;

use crossbeam_channel::{Receiver, Sender, after, bounded, select, tick};
use workshop::{Probe, TimedOut};

use super::WORKER;

thread_local! {
    // WRONG FIX: the answer's slot, made once per calling thread: a thread makes
    // one call at a time.
    static ANSWER: (Sender<bool>, Receiver<bool>) = bounded(1);
}

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
        // Requests to check, one a tick, for this call; the answer, on this
        // thread's slot.
        let (check_tx, check_rx) = bounded::<()>(1);
        let (ready_tx, ready_rx) = ANSWER.with(|answer| answer.clone());
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
                    return answer.map(drop).map_err(|_| TimedOut(timeout));
                }
                recv(give_up) -> _ => return Err(TimedOut(timeout)),
            }
        }
    }
}
