//! Wrong fix for the blocked-send exercise, thread flavour:
//! keep the workers' handles in the watcher, and give the watcher a `Drop` that
//! raises a stop flag and joins them all.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! The `Drop` reads like a clean shutdown, but the shared channel stays, so a
//! worker whose caller gave up still waits in its send, where it never looks at the
//! flag: it outlives its call (a later call may even take its answer), the handles
//! pile up with every call, and dropping the watcher then waits for ever.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use crossbeam_channel::{Receiver, Sender, after, bounded, select, tick};
use workshop::{Probe, TimedOut};

use super::WORKER;

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    ready: (Sender<bool>, Receiver<bool>),
    // Every worker we started, so that none is forgotten.
    workers: Mutex<Vec<JoinHandle<()>>>,
    stop: Arc<AtomicBool>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self {
            probe,
            tick,
            ready: bounded(0),
            workers: Mutex::new(Vec::new()),
            stop: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let probe = self.probe.clone();
        let ticks = tick(self.tick);
        let (ready_tx, ready_rx) = self.ready.clone();
        let stop = Arc::clone(&self.stop);
        let worker = thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in ticks {
                    if stop.load(Ordering::Acquire) {
                        return;
                    }
                    if probe.check() {
                        let _ = ready_tx.send(true);
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        // Kept, not detached: the watcher's drop joins it.
        self.workers.lock().unwrap_or_else(PoisonError::into_inner).push(worker);
        select! {
            recv(ready_rx) -> _ => Ok(()),
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }
}

// Nothing outlives the watcher: its workers are stopped and joined.
impl Drop for Watcher {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Release);
        let workers =
            self.workers.get_mut().unwrap_or_else(PoisonError::into_inner);
        for worker in workers.drain(..) {
            let _ = worker.join();
        }
    }
}
