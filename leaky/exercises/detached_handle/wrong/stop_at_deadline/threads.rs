//! Wrong fix for the detached-handle exercise, thread flavour:
//! the monitor knows the call's deadline (its checks already give up there), so it
//! stops ticking once the deadline has passed.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! A call that times out leaves nothing after its deadline; but a call answered
//! early returns at once while its monitor, knowing nothing of the answer, goes on
//! checking until the deadline: with a long timeout, a long while after the call.

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
        // Detached, but no longer for ever: it stops at the deadline.
        let _monitor = thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for now in tick(every) {
                    if now >= deadline {
                        return;
                    }
                    let answer = probe.check_until(deadline) == Some(true);
                    flag.fetch_or(answer, Ordering::Release);
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
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
