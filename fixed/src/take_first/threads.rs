//! Take first, thread flavour: `std::thread` and crossbeam channels.
//!
//! The workers tick with `tick`, and the caller races the first answer against
//! `after` in a `select!`, just as the Go code does.

use std::thread;
use std::time::Duration;

use crossbeam_channel::{after, bounded, select, select_biased, tick};
use workshop::{Probe, TimedOut};

use super::{REPLICAS, WORKER};

/// Waits for a service to become ready, asking every replica at once.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // FIX: no channel kept here: each call makes its own.
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick }
    }

    /// Waits until the first replica's probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let (ready_tx, ready_rx) = bounded(0);
        // FIX: nothing is ever sent on `cancel`: once this call returns, with the
        // first answer or none, `_cancel` is dropped, and a receive on `cancelled`
        // is ready at once: every worker still at work stops.
        let (_cancel, cancelled) = bounded::<()>(0);
        for _ in 0..REPLICAS {
            let (probe, ticks) = (self.probe.clone(), tick(self.tick));
            let (ready_tx, cancelled) = (ready_tx.clone(), cancelled.clone());
            thread::Builder::new()
                .name(WORKER.to_owned())
                .spawn(move || {
                    loop {
                        // FIX: each wait also waits for the cancellation, first:
                        // `select!` picks at random among ready arms, `select_biased!`
                        // the first one ready.
                        select_biased! {
                            recv(cancelled) -> _ => return,
                            recv(ticks) -> _ => {}
                        }
                        if probe.check() {
                            select_biased! {
                                recv(cancelled) -> _ => {}
                                send(ready_tx, true) -> _ => {}
                            }
                            return;
                        }
                    }
                })
                .unwrap_or_else(|e| {
                    panic!("the OS refused to start a thread: {e}")
                });
        }
        select! {
            recv(ready_rx) -> _ => Ok(()),
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }
}
