//! Detached handle, thread flavour: a `std::thread` monitor and its `JoinHandle`.
//!
//! The monitor ticks with `tick` and keeps in an atomic flag whether a check has
//! passed; the caller looks at the flag on its own ticks until its deadline.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::{self, JoinHandle};
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
        let done = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&done);
        // FIX: the handle goes into a guard that, dropped at the end of this call,
        // cancels the monitor and joins it.
        let monitor = thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in tick(every) {
                    if stop.load(Ordering::Acquire) {
                        return;
                    }
                    let answer = probe.check_until(deadline) == Some(true);
                    flag.fetch_or(answer, Ordering::Release);
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        let _monitor = CancelAndJoin(done, Some(monitor));
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

/// Cancels a thread (through its flag) and joins it when dropped. The monitor's checks
/// give up at the caller's deadline, and it reads its flag once per tick, so the join
/// waits at most until its next tick.
struct CancelAndJoin(Arc<AtomicBool>, Option<JoinHandle<()>>);

impl Drop for CancelAndJoin {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Release);
        if let Some(thread) = self.1.take() {
            let _ = thread.join();
        }
    }
}
