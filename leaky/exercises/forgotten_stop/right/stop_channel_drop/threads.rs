//! Right fix for the forgotten-stop exercise, thread flavour, written
//! differently from `fixed/`: the poller stops when it is dropped: its `Drop` drops
//! the sender of a stop channel the poller selects on beside its ticks, then joins
//! it; the caller waits on its ticks and on its deadline in one `select!`.
//!
//! Right: no `stop` to forget, since every way out drops the poller; a poller
//! waiting for a tick hears the stop at once, and one mid-check is done by the
//! deadline (`check_until`), so the join never holds the caller past it; and the
//! caller wakes at the deadline itself rather than at the first tick after it.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use crossbeam_channel::{Sender, at, bounded, select, select_biased, tick};
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
        let poller = Poller::start(self.probe.clone(), self.tick, deadline);
        let (ticks, give_up) = (tick(self.tick), at(deadline));
        loop {
            select! {
                recv(ticks) -> _ => {
                    if poller.is_ready() {
                        return Ok(());
                    }
                }
                // The poller is stopped when dropped, here as on every way out.
                recv(give_up) -> _ => return Err(TimedOut(timeout)),
            }
        }
    }
}

/// Checks the service every tick in a thread of its own, until dropped.
struct Poller {
    ready: Arc<AtomicBool>,
    // Never sent on: dropping it wakes the thread, which then ends.
    stop: Option<Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Poller {
    /// Starts polling; each check gives up at `deadline`.
    fn start(probe: Probe, every: Duration, deadline: Instant) -> Self {
        let ready = Arc::new(AtomicBool::new(false));
        let ready_flag = Arc::clone(&ready);
        let (stop, stopped) = bounded::<()>(0);
        let thread = thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                let ticks = tick(every);
                loop {
                    select_biased! {
                        recv(stopped) -> _ => return,
                        recv(ticks) -> _ => {}
                    }
                    if !ready_flag.load(Ordering::Acquire) {
                        let ready = probe.check_until(deadline) == Some(true);
                        ready_flag.store(ready, Ordering::Release);
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        Self { ready, stop: Some(stop), thread: Some(thread) }
    }

    fn is_ready(&self) -> bool {
        self.ready.load(Ordering::Acquire)
    }
}

impl Drop for Poller {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
