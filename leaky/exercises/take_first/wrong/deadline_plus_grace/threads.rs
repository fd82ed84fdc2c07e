//! Wrong fix for the take-first exercise, thread flavour:
//! a channel per call with room for every answer, and replicas that stop ticking
//! one timeout after the call's deadline, a grace period for a slow check.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! Every send finds room and every loop has an end, so no replica is stuck for
//! ever; but a call that gives up (or is answered by one replica while the others'
//! service stays down) leaves replicas ticking for a whole extra timeout after it
//! returned.

use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{after, bounded, select, tick};
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
        // A check that starts just before the deadline still gets to finish and
        // report: the replicas keep going a little after it.
        let stop_at = Instant::now() + timeout * 2;
        // Room for every answer: no send ever waits.
        let (ready_tx, ready_rx) = bounded(REPLICAS);
        for _ in 0..REPLICAS {
            let (probe, ticks) = (self.probe.clone(), tick(self.tick));
            let ready_tx = ready_tx.clone();
            thread::Builder::new()
                .name(WORKER.to_owned())
                .spawn(move || {
                    for now in ticks {
                        if now >= stop_at {
                            return;
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
        select! {
            recv(ready_rx) -> answer => answer.map(drop).map_err(|_| TimedOut(timeout)),
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }
}
