//! Wrong fix for the endless-ticker exercise, thread flavour:
//! the worker in a `std::thread::scope`, with a stop flag raised when the answer is
//! in or the deadline has come, so that the scope joins it before the call returns.
//!
//! Breaks: a call returns by its deadline.
//!
//! A scope cannot leak a thread, which is the whole point; but it waits for its
//! thread, and at the deadline the worker is inside `probe.check()`, which has no
//! deadline: the caller is held until the check is done.

use std::sync::atomic::{AtomicBool, Ordering};
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
        let ticks = tick(self.tick);
        let (ready_tx, ready_rx) = bounded(1);
        let done = AtomicBool::new(false);
        // Every thread spawned in the scope is joined before it returns.
        thread::scope(|scope| {
            thread::Builder::new()
                .name(WORKER.to_owned())
                .spawn_scoped(scope, || {
                    for _ in ticks {
                        if done.load(Ordering::Acquire) {
                            return;
                        }
                        if self.probe.check() {
                            let _ = ready_tx.send(true);
                            return;
                        }
                    }
                })
                .unwrap_or_else(|e| {
                    panic!("the OS refused to start a thread: {e}")
                });
            let answer = select! {
                recv(ready_rx) -> _ => Ok(()),
                recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
            };
            done.store(true, Ordering::Release);
            answer
        })
    }
}
