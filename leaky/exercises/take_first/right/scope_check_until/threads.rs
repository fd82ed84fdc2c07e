//! Right fix for the take-first exercise, thread flavour, written
//! differently from `fixed/`: the replicas in a `std::thread::scope`, each waiting
//! on its ticks and on a per-call cancellation in a `select_biased!`, with checks
//! that give up at the deadline.
//!
//! Right: the scope joins every replica before the call returns, so nothing can
//! outlive it; a waiting replica hears the cancellation at once, and a replica
//! mid-check is done by the deadline at the latest (`check_until`), so the join
//! never holds the caller past it; the answers go to a channel of the call's own,
//! with room for all.

use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{at, bounded, select, select_biased, tick};
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
        // Room for every replica's answer: no send ever waits.
        let (ready_tx, ready_rx) = bounded(REPLICAS);
        // Never sent on: dropped, it wakes every replica that waits on it.
        let (cancel, cancelled) = bounded::<()>(0);
        thread::scope(|scope| {
            for _ in 0..REPLICAS {
                let (ready_tx, cancelled) = (ready_tx.clone(), cancelled.clone());
                let ticks = tick(self.tick);
                thread::Builder::new()
                    .name(WORKER.to_owned())
                    .spawn_scoped(scope, move || {
                        loop {
                            select_biased! {
                                recv(cancelled) -> _ => return,
                                recv(ticks) -> _ => {}
                            }
                            match self.probe.check_until(deadline) {
                                Some(true) => {
                                    let _ = ready_tx.try_send(());
                                    return;
                                }
                                Some(false) => {}
                                // The deadline came mid-check: nobody waits now.
                                None => return,
                            }
                        }
                    })
                    .unwrap_or_else(|e| {
                        panic!("the OS refused to start a thread: {e}")
                    });
            }
            // The replicas hold the only senders: the channel closes when all are gone.
            drop(ready_tx);
            let answer = select! {
                recv(ready_rx) -> answer => answer.map_err(|_| TimedOut(timeout)),
                recv(at(deadline)) -> _ => Err(TimedOut(timeout)),
            };
            // Wake the replicas still waiting; the scope joins them all.
            drop(cancel);
            answer
        })
    }
}
