//! Wrong fix for the unclosed-channel exercise, thread flavour:
//! the worker keeps its `retry` sender, and gets a second way out: a stop flag on
//! the watcher, lowered when a call starts and raised when it returns, which the
//! worker reads before each check.
//!
//! Breaks: a call is answered ready once its own check passes.
//!
//! With one call at a time the worker stops right after its call; but the flag is
//! the watcher's, shared by every call: when one call times out and raises it, the
//! worker of a call still waiting stops too, and that call is told "not ready"
//! though its service came up. (And a call that starts lowers the flag again under
//! the feet of the last call's worker, which then serves on.)
//!
//! Unclosed channel, thread flavour: `std::thread` and crossbeam channels.
//!
//! The caller ticks with `tick` and races the worker's answer against `after` in a
//! `select!`; the worker serves one check per request.

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
    // WRONG FIX: raised when a call is done, so that its worker stops.
    stop: Arc<AtomicBool>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, stop: Arc::new(AtomicBool::new(false)) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        // WRONG FIX: a new call: the watcher is in use again.
        self.stop.store(false, Ordering::Release);
        let probe = self.probe.clone();
        let stop = Arc::clone(&self.stop);
        // Requests to check, one a tick, and the answer, for this call.
        let (check_tx, check_rx) = bounded::<()>(1);
        let (ready_tx, ready_rx) = bounded(1);
        let retry = check_tx.clone();
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                // Serves requests until every sender is gone, or the call is done.
                for () in &check_rx {
                    // WRONG FIX: a second way out: the call is done.
                    if stop.load(Ordering::Acquire) {
                        return;
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
        let answer = loop {
            select! {
                recv(ticks) -> _ => { let _ = check_tx.try_send(()); }
                recv(ready_rx) -> answer => {
                    // `Err` means the worker is gone without an answer.
                    break answer.map(drop).map_err(|_| TimedOut(timeout));
                }
                recv(give_up) -> _ => break Err(TimedOut(timeout)),
            }
        };
        // WRONG FIX: done: the worker stops at its next request.
        self.stop.store(true, Ordering::Release);
        answer
    }
}
