//! Wrong fix for the detached-handle exercise, thread flavour:
//! the monitor in a scope with a stop flag, and a lock on the watcher so that only
//! one monitor at a time checks the slow service.
//!
//! Breaks: a call returns by its deadline.
//!
//! The scope fixes the detached thread for good, and calls one after another are as
//! before; but calls made at once queue on the lock, and a call's deadline starts
//! only once it holds it: the second call returns up to a whole timeout late.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::tick;
use workshop::{Probe, TimedOut};

use super::WORKER;

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // Held while a monitor runs: one at a time against the service.
    one_at_a_time: Mutex<()>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, one_at_a_time: Mutex::new(()) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let _turn =
            self.one_at_a_time.lock().unwrap_or_else(PoisonError::into_inner);
        let deadline = Instant::now() + timeout;
        let (ready, done) = (AtomicBool::new(false), AtomicBool::new(false));
        thread::scope(|scope| {
            thread::Builder::new()
                .name(WORKER.to_owned())
                .spawn_scoped(scope, || {
                    for _ in tick(self.tick) {
                        if done.load(Ordering::Acquire) {
                            return;
                        }
                        let answer = self.probe.check_until(deadline) == Some(true);
                        ready.store(answer, Ordering::Release);
                    }
                })
                .unwrap_or_else(|e| {
                    panic!("the OS refused to start a thread: {e}")
                });
            let mut answer = Err(TimedOut(timeout));
            for _ in tick(self.tick) {
                if ready.load(Ordering::Acquire) {
                    answer = Ok(());
                    break;
                }
                if Instant::now() >= deadline {
                    break;
                }
            }
            done.store(true, Ordering::Release);
            answer
        })
    }
}
