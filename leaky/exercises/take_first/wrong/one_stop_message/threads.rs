//! Wrong fix for the take-first exercise, thread flavour:
//! a stop channel on the watcher, and one stop message sent by each call.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! In full: the watcher keeps a stop channel every replica selects on, and each
//! call sends one stop message when it returns.
//!
//! `select_biased!` puts the stop first, as it should, and the call does send its
//! stop on every way out. But a message is received once: of the call's three
//! replicas, one takes the stop and ends, and the other two tick on (or worse, the
//! message stops a replica of some other call). The channel belongs to the watcher,
//! so it never closes and never tells them all at once.

use std::thread;
use std::time::Duration;

use crossbeam_channel::{
    Receiver, Sender, after, bounded, select, select_biased, tick, unbounded,
};
use workshop::{Probe, TimedOut};

use super::{REPLICAS, WORKER};

/// Waits for a service to become ready, asking every replica at once.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    /// The replicas' stop line: a message on it stops a replica.
    stop: (Sender<()>, Receiver<()>),
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, stop: unbounded() }
    }

    /// Waits until the first replica's probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let (ready_tx, ready_rx) = bounded(REPLICAS);
        for _ in 0..REPLICAS {
            let (probe, ticks) = (self.probe.clone(), tick(self.tick));
            let (ready_tx, stop) = (ready_tx.clone(), self.stop.1.clone());
            thread::Builder::new()
                .name(WORKER.to_owned())
                .spawn(move || {
                    loop {
                        select_biased! {
                            recv(stop) -> _ => return,
                            recv(ticks) -> _ => {}
                        }
                        if probe.check() {
                            let _ = ready_tx.send(true);
                            return;
                        }
                    }
                })
                .unwrap_or_else(|e| {
                    panic!("the OS refused to start a thread: {e}")
                });
        }
        let answer = select! {
            recv(ready_rx) -> _ => Ok(()),
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        };
        // The call is over: tell its replicas to stop.
        let _ = self.stop.0.send(());
        answer
    }
}
