//! Right fix for the take-first exercise, thread flavour, written
//! differently from `fixed/`: the replicas run in a `thread::scope`.
//!
//! Right: the scope joins every replica, whose checks end by the call's deadline.
//!
//! In full: the replicas run in a `std::thread::scope`, wake on a stop channel the
//! call drops once it has its answer, and check under its deadline.
//!
//! Why: the scope joins every replica before the call returns, so nothing outlives
//! it; the join waits at most for the checks in flight, and those give up at the
//! deadline, so the call is back by then; the answer channel has room for every
//! replica and belongs to this call alone.

use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{bounded, select_biased, tick};
use workshop::{Probe, TimedOut};

use super::{REPLICAS, WORKER};

/// Waits for a service to become ready, asking every replica at once.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick }
    }

    /// Waits until the first replica's probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let deadline = Instant::now() + timeout;
        let (ready_tx, ready_rx) = bounded(REPLICAS);
        // Nothing is sent on it: dropping `stop_tx` wakes every replica at once.
        let (stop_tx, stop_rx) = bounded::<()>(0);
        thread::scope(|scope| {
            for _ in 0..REPLICAS {
                let (probe, ticks) = (self.probe.clone(), tick(self.tick));
                let (ready_tx, stop_rx) = (ready_tx.clone(), stop_rx.clone());
                thread::Builder::new()
                    .name(WORKER.to_owned())
                    .spawn_scoped(scope, move || {
                        loop {
                            select_biased! {
                                recv(stop_rx) -> _ => return,
                                recv(ticks) -> _ => {}
                            }
                            if Instant::now() >= deadline {
                                return;
                            }
                            if probe.check_until(deadline) == Some(true) {
                                let _ = ready_tx.send(());
                                return;
                            }
                        }
                    })
                    .unwrap_or_else(|e| {
                        panic!("the OS refused to start a thread: {e}")
                    });
            }
            // Only the replicas hold senders now: the channel closes when they are
            // all gone, which is at the deadline at the earliest.
            drop(ready_tx);
            let answer = ready_rx.recv_deadline(deadline);
            drop(stop_tx);
            // The scope joins the replicas here.
            answer.map_err(|_| TimedOut(timeout))
        })
    }
}
