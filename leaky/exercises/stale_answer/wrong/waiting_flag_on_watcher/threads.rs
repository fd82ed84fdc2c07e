//! Wrong fix for the stale-answer exercise, thread flavour:
//! the watcher's channel kept, and a flag on the watcher that says whether a call
//! is waiting: raised when a call starts, lowered when it returns; a worker sends
//! its answer only while it is raised, so that no late answer is left behind.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! A late answer found nobody waiting, so it is dropped rather than kept for the
//! next call; but "somebody waits" is not "my call waits": the flag is the
//! watcher's, and once a later call has raised it, a worker whose call gave up long
//! ago finds it up and sends, and the later call takes that answer as its own.
//!
//! Stale answer, thread flavour: `std::thread` and crossbeam channels.
//!
//! The worker ticks with `tick`, and the caller races the worker's answer against
//! `after` in a `select!`, just as the Go code does.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
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
    // WRONG FIX: raised while a call waits: a worker answers only then.
    waiting: Arc<AtomicBool>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self {
            probe,
            tick,
            ready: unbounded(),
            waiting: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        // The worker ticks until the call's deadline and no further.
        let deadline = Instant::now() + timeout;
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        let (ready_tx, ready_rx) = self.ready.clone();
        let waiting = Arc::clone(&self.waiting);
        // WRONG FIX: somebody waits now.
        self.waiting.store(true, Ordering::Release);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in ticks.into_iter().take_while(|&now| now < deadline) {
                    if probe.check() {
                        // WRONG FIX: an answer nobody waits for is dropped.
                        if waiting.load(Ordering::Acquire) {
                            let _ = ready_tx.send(true);
                        }
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        let answer = select! {
            recv(ready_rx) -> _ => Ok(()),
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        };
        // WRONG FIX: nobody waits any more.
        self.waiting.store(false, Ordering::Release);
        answer
    }
}
