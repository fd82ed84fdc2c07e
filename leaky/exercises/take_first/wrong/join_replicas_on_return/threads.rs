//! Wrong fix for the take-first exercise, thread flavour:
//! a channel per call with room for every answer, a cancellation each replica
//! selects on, and a join of every replica before the call returns.
//!
//! Breaks: a call returns by its deadline.
//!
//! Nothing can outlive a call that joins what it started, and a replica stops at
//! its next wait; but a replica inside `probe.check()` is not waiting, and the join
//! holds the caller until that check is done, well past the deadline when the check
//! is slow.

use std::thread;
use std::time::Duration;

use crossbeam_channel::{after, bounded, select, select_biased, tick};
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
        // Room for every answer: no send ever waits.
        let (ready_tx, ready_rx) = bounded(REPLICAS);
        let (cancel, cancelled) = bounded::<()>(0);
        let mut replicas = Vec::with_capacity(REPLICAS);
        for _ in 0..REPLICAS {
            let (probe, ticks) = (self.probe.clone(), tick(self.tick));
            let (ready_tx, cancelled) = (ready_tx.clone(), cancelled.clone());
            let replica = thread::Builder::new()
                .name(WORKER.to_owned())
                .spawn(move || {
                    loop {
                        select_biased! {
                            recv(cancelled) -> _ => return,
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
            replicas.push(replica);
        }
        let answer = select! {
            recv(ready_rx) -> _ => Ok(()),
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        };
        // Stop the replicas and wait for each: none is left behind.
        drop(cancel);
        for replica in replicas {
            let _ = replica.join();
        }
        answer
    }
}
