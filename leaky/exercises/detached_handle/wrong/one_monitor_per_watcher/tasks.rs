//! Wrong fix for the detached-handle exercise, task flavour:
//! one monitor for the watcher, started by the first call, read by all.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! In full: one monitor for the watcher, started by the first call, its handle kept
//! on the watcher and aborted when the watcher is dropped; every call reads its
//! flag.
//!
//! One task however many calls, and its handle is never dropped while it runs, so
//! it is never detached. But the flag holds the monitor's latest answer, whenever
//! that check started: a call made just after the service went down reads the
//! "ready" of a check that started before it asked, and says ready at once. (And
//! the monitor checks on while no call waits.)

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use checker::traced;
use tokio::task::JoinHandle;
use tokio::time::{Instant, interval, interval_at};
use workshop::{Probe, TimedOut};

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    /// The latest answer of the watcher's monitor.
    ready: Arc<AtomicBool>,
    /// The monitor, once a call has started it; aborted with the watcher.
    monitor: Mutex<Option<JoinHandle<()>>>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        let ready = Arc::new(AtomicBool::new(false));
        Self { probe, tick, ready, monitor: Mutex::new(None) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let deadline = Instant::now() + timeout_after;
        self.monitor
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get_or_insert_with(|| {
                let (probe, every, flag) =
                    (self.probe.clone(), self.tick, Arc::clone(&self.ready));
                // (`traced` changes nothing: it lets the checker say where a task
                // waits.)
                tokio::spawn(traced(async move {
                    let mut ticks = interval_at(Instant::now() + every, every);
                    loop {
                        ticks.tick().await;
                        flag.fetch_or(probe.check_async().await, Ordering::Release);
                    }
                }))
            });
        let mut ticks = interval(self.tick);
        loop {
            ticks.tick().await;
            if self.ready.load(Ordering::Acquire) {
                return Ok(());
            }
            if Instant::now() >= deadline {
                return Err(TimedOut(timeout_after));
            }
        }
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        let monitor =
            self.monitor.get_mut().unwrap_or_else(PoisonError::into_inner);
        if let Some(monitor) = monitor.take() {
            monitor.abort();
        }
    }
}
