//! Wrong fix for the stale-answer exercise, thread flavour:
//! keep the watcher's channel, but empty it when a call starts, so that a late
//! answer left by an earlier call is thrown away before this call waits.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! It clears what is already there; but a late answer is late because its check is
//! still running when the next call starts: it lands after the drain, while the new
//! call waits, and is taken as the new call's own (and calls made at once still
//! take each other's answers).

use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender, after, select, tick, unbounded};
use workshop::{Probe, TimedOut};

use super::WORKER;

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    ready: (Sender<bool>, Receiver<bool>),
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, ready: unbounded() }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let deadline = Instant::now() + timeout;
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        let (ready_tx, ready_rx) = self.ready.clone();
        // Throw away answers meant for earlier calls.
        while ready_rx.try_recv().is_ok() {}
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for now in ticks {
                    if now >= deadline {
                        return;
                    }
                    if probe.check() {
                        let _ = ready_tx.send(true);
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        select! {
            recv(ready_rx) -> _ => Ok(()),
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }
}
