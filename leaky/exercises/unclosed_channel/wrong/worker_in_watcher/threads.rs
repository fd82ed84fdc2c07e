//! Wrong fix for the unclosed-channel exercise, thread flavour:
//! one check server for the watcher, started in `new` and ended when the watcher is
//! dropped (its queue closes then); calls send it requests and read its answers.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! One worker instead of one per call, idle between calls, and a queue that does
//! close: no leak. But the answers come on one channel for every call: a check a
//! timed-out call asked for passes after it left, and the next call takes that
//! answer at once.

use std::thread;
use std::time::Duration;

use crossbeam_channel::{Receiver, Sender, after, bounded, select, tick};
use workshop::{Probe, TimedOut};

use super::WORKER;

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    tick: Duration,
    // The server's queue of requests, and its answers.
    check_tx: Sender<()>,
    ready_rx: Receiver<bool>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        let (check_tx, check_rx) = bounded::<()>(1);
        let (ready_tx, ready_rx) = bounded(1);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                // Serves requests until the watcher, the only sender, is gone.
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
        Self { tick, check_tx, ready_rx }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let (ticks, give_up) = (tick(self.tick), after(timeout));
        loop {
            select! {
                recv(ticks) -> _ => { let _ = self.check_tx.try_send(()); }
                recv(self.ready_rx) -> answer => {
                    return answer.map(drop).map_err(|_| TimedOut(timeout));
                }
                recv(give_up) -> _ => return Err(TimedOut(timeout)),
            }
        }
    }
}
