//! Wrong fix for the unclosed-channel exercise, thread flavour:
//! no `retry` in the worker, and requests sent with `send`, not `try_send`.
//!
//! Breaks: a call returns by its deadline.
//!
//! In full: no `retry` in the worker, so the queue closes with the call; and the
//! caller sends its requests with `send` instead of `try_send`, so that no tick's
//! request is lost.
//!
//! The leak is fixed: the worker ends when the call's sender goes. The change to
//! the caller looks like a small tidy-up, since a full queue means a request is
//! already waiting. But `send` on a full queue blocks, and the queue is full
//! whenever a tick comes while the worker is in a check and a request already
//! waits: the caller sits in the tick's branch, not watching its deadline, until
//! the check is done.

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
        let (check_tx, check_rx) = bounded::<()>(1);
        let (ready_tx, ready_rx) = bounded(1);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                // Serves requests until the call's sender is gone.
                for () in &check_rx {
                    let ready = probe.check();
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
                // Every tick's request reaches the worker.
                recv(ticks) -> _ => { let _ = check_tx.send(()); }
                recv(ready_rx) -> answer => {
                    return answer.map(drop).map_err(|_| TimedOut(timeout));
                }
                recv(give_up) -> _ => return Err(TimedOut(timeout)),
            }
        }
    }
}
