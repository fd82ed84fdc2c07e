//! Detached handle, thread flavour: a `std::thread` monitor, in a scope.
//!
//! The monitor ticks with `tick` and keeps in an atomic flag whether a check has
//! passed; the caller looks at the flag on its own ticks until its deadline.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::tick;
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
        let deadline = Instant::now() + timeout;
        let ready = Arc::new(AtomicBool::new(false));
        let (probe, every, flag) =
            (self.probe.clone(), self.tick, Arc::clone(&ready));
        let done = AtomicBool::new(false);
        // FIX: a scope: it returns only once every closure spawned in it has
        // returned. The monitor's checks give up at the deadline, and it reads `done`
        // once per tick, so the scope waits at most until its next tick.
        thread::scope(|scope| {
            let _monitor = thread::Builder::new()
                .name(WORKER.to_owned())
                .spawn_scoped(scope, || {
                    for _ in tick(every) {
                        if done.load(Ordering::Acquire) {
                            return;
                        }
                        let answer = probe.check_until(deadline) == Some(true);
                        flag.fetch_or(answer, Ordering::Release);
                    }
                })
                .unwrap_or_else(|e| {
                    panic!("the OS refused to start a thread: {e}")
                });
            let answer = self.watch(&ready, deadline, timeout);
            done.store(true, Ordering::Release);
            answer
        })
    }

    /// Looks at the monitor's answer every tick, until it says ready or the deadline
    /// comes.
    fn watch(
        &self,
        ready: &AtomicBool,
        deadline: Instant,
        timeout: Duration,
    ) -> Result<(), TimedOut> {
        for _ in tick(self.tick) {
            if ready.load(Ordering::Acquire) {
                return Ok(());
            }
            if Instant::now() >= deadline {
                return Err(TimedOut(timeout));
            }
        }
        unreachable!("a ticker never runs dry")
    }
}
