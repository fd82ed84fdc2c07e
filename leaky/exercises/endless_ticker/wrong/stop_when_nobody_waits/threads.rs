//! Wrong fix for the endless-ticker exercise, thread flavour:
//! a count of the calls waiting, kept by the watcher: up when a call starts, down
//! when it returns; every worker stops once it is back to zero.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! When calls come one at a time it is exact: the worker stops at the first tick
//! after its call. But the count belongs to the whole watcher: while any call
//! waits, the workers of every call that has already returned go on checking, and
//! under steady traffic (a call always waiting somewhere) none ever stops.
//!
//! Endless ticker, thread flavour: `std::thread` and crossbeam channels.
//!
//! The worker ticks with `tick`, and the caller races the worker's answer against
//! `after` in a `select!`, just as the Go code does.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use crossbeam_channel::{after, bounded, select, tick};
use workshop::{Probe, TimedOut};

use super::WORKER;

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // WRONG FIX: how many calls are waiting: once none is, the workers stop.
    waiting: Arc<AtomicUsize>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, waiting: Arc::new(AtomicUsize::new(0)) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        // WRONG FIX: one more call waiting.
        self.waiting.fetch_add(1, Ordering::AcqRel);
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        let waiting = Arc::clone(&self.waiting);
        // A channel for this call, with room for the one answer.
        let (ready_tx, ready_rx) = bounded(1);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in ticks {
                    // WRONG FIX: nobody waits any more: stop.
                    if waiting.load(Ordering::Acquire) == 0 {
                        return;
                    }
                    if probe.check() {
                        let _ = ready_tx.send(true);
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        let answer = select! {
            recv(ready_rx) -> answer => {
                answer.map(drop).map_err(|_| TimedOut(timeout))
            }
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        };
        // WRONG FIX: one call fewer.
        self.waiting.fetch_sub(1, Ordering::AcqRel);
        answer
    }
}
