//! Right fix for the blocking-pool exercise, task flavour, written
//! differently from `fixed/`: a plain thread per call, no pool.
//!
//! Right: the thread exits when its loop does, a check and a tick after the call.
//!
//! In full: no pool at all; each call runs its blocking loop on a plain thread of
//! its own, answers through a `oneshot`, and raises a stop flag from a guard,
//! however it ends.
//!
//! Why: a plain thread exits when its loop does, with no idle time in a pool; the
//! guard runs on every way out, the call's future dropped included, and the loop
//! reads the flag at every tick and gives each check the call's deadline, so the
//! thread ends within the check in flight and one tick; the `oneshot` is this
//! call's alone.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::tick;
use tokio::sync::oneshot;
use tokio::time::timeout;
use workshop::{Probe, TimedOut};

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
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let deadline = Instant::now() + timeout_after;
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        let (ready_tx, ready_rx) = oneshot::channel();
        let stop = Arc::new(AtomicBool::new(false));
        // Raised when this call ends, however it ends.
        let _stop_on_return = RaiseOnDrop(Arc::clone(&stop));
        // The check blocks its thread: it gets a thread of its own, not a task's.
        thread::Builder::new()
            .name("ready-blocking".to_owned())
            .spawn(move || {
                for _ in ticks {
                    if stop.load(Ordering::Acquire) || Instant::now() >= deadline {
                        return;
                    }
                    if probe.check_until(deadline) == Some(true) {
                        let _ = ready_tx.send(());
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        match timeout(timeout_after, ready_rx).await {
            Ok(Ok(())) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}

/// Raises its flag when dropped.
struct RaiseOnDrop(Arc<AtomicBool>);

impl Drop for RaiseOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Release);
    }
}
