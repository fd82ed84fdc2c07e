//! Wrong fix for the unclosed-channel exercise, thread flavour:
//! a rendezvous shutdown channel on the watcher, `try_send` once per call.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! In full: the watcher keeps a rendezvous shutdown channel its workers
//! `select_biased!` on, and a call that returns `try_send`s one shutdown to its
//! worker.
//!
//! `try_send` is there so that the call never waits on a worker, and the biased
//! select makes a waiting worker take the shutdown first. But a rendezvous
//! `try_send` reaches only a receiver that is waiting at that very moment. A call
//! that gives up while its worker is in the middle of a check finds nobody there:
//! the message is dropped, the worker's `retry` keeps its queue open, and it checks
//! on, forever.

use std::thread;
use std::time::Duration;

use crossbeam_channel::{
    Receiver, Sender, after, bounded, select, select_biased, tick,
};
use workshop::{Probe, TimedOut};

use super::WORKER;

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    /// The workers' shutdown line: a worker that receives on it stops.
    shutdown: (Sender<()>, Receiver<()>),
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, shutdown: bounded(0) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let probe = self.probe.clone();
        let (check_tx, check_rx) = bounded::<()>(1);
        let (ready_tx, ready_rx) = bounded(1);
        let retry = check_tx.clone();
        let shutdown = self.shutdown.1.clone();
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                loop {
                    select_biased! {
                        recv(shutdown) -> _ => return,
                        recv(check_rx) -> request => if request.is_err() { return },
                    }
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
        let answer = loop {
            select! {
                recv(ticks) -> _ => { let _ = check_tx.try_send(()); }
                recv(ready_rx) -> answer => {
                    break answer.map(drop).map_err(|_| TimedOut(timeout));
                }
                recv(give_up) -> _ => break Err(TimedOut(timeout)),
            }
        };
        // The call is over: shut its worker down, without ever waiting on it.
        let _ = self.shutdown.0.try_send(());
        answer
    }
}
