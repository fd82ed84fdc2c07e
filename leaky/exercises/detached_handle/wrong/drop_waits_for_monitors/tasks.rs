//! Wrong fix for the detached-handle exercise, task flavour:
//! the monitors run under a `CancellationToken` the watcher keeps, and its `Drop`
//! cancels it and waits, on a std channel, until every monitor has ended, since a
//! `Drop` cannot `.await`.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! It reads like an orderly shutdown; but the monitors run until the watcher goes,
//! long after the calls that started them, one more with every call. And the
//! `Drop` blocks the very thread that must run the cancelled monitors to their
//! end: on a current-thread runtime they never get to run, and dropping the
//! watcher hangs its owner.
//!
//! Detached handle, task flavour: a tokio task monitor and its `JoinHandle`.
//!
//! The monitor ticks with tokio's `interval` and keeps in an atomic flag whether a
//! check has passed; the caller looks at the flag on its own ticks until its deadline.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use checker::traced;
use tokio::time::{Instant, interval, interval_at};
use tokio_util::sync::CancellationToken;
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // WRONG FIX: the monitors run until the watcher cancels this.
    stop: CancellationToken,
    // Every monitor holds a clone of the sender: the receiver hears when the last
    // one has ended.
    running: Mutex<Option<Sender<()>>>,
    ended: Receiver<()>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        let (running, ended) = channel();
        Self {
            probe,
            tick,
            stop: CancellationToken::new(),
            running: Mutex::new(Some(running)),
            ended,
        }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let deadline = Instant::now() + timeout_after;
        let ready = Arc::new(AtomicBool::new(false));
        let (probe, every, flag) =
            (self.probe.clone(), self.tick, Arc::clone(&ready));
        let running =
            self.running.lock().unwrap_or_else(PoisonError::into_inner).clone();
        // (`traced` changes nothing: it lets the checker say where a task waits.)
        let _monitor = tokio::spawn(traced(
            self.stop.clone().run_until_cancelled_owned(async move {
                // Held until the monitor ends.
                let _running = running;
                let mut ticks = interval_at(Instant::now() + every, every);
                loop {
                    ticks.tick().await;
                    flag.fetch_or(probe.check_async().await, Ordering::Release);
                }
            }),
        ));
        let mut ticks = interval(self.tick);
        loop {
            ticks.tick().await;
            if ready.load(Ordering::Acquire) {
                return Ok(());
            }
            if Instant::now() >= deadline {
                return Err(TimedOut(timeout_after));
            }
        }
    }
}

// WRONG FIX: nothing outlives the watcher: its monitors are cancelled, and it waits
// until the last has really ended.
impl Drop for Watcher {
    fn drop(&mut self) {
        self.stop.cancel();
        drop(self.running.get_mut().unwrap_or_else(PoisonError::into_inner).take());
        // Every sender is gone once every monitor has ended.
        while self.ended.recv().is_ok() {}
    }
}
