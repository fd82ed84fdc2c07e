//! Wrong fix for the stale-answer exercise, thread flavour:
//! no channel on the watcher; one channel per calling thread instead, in a
//! `thread_local!`, since two calls on one thread can never overlap.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! Calls from different threads can no longer take each other's answers, and the
//! worker stops at the deadline; but a thread's calls follow one another: an answer
//! that lands after its call gave up waits in the thread's channel, and that
//! thread's next call takes it at once.

use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender, after, select, tick, unbounded};
use workshop::{Probe, TimedOut};

use super::WORKER;

thread_local! {
    // This thread's answers: its calls run one at a time.
    static READY: (Sender<bool>, Receiver<bool>) = unbounded();
}

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
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        let (ready_tx, ready_rx) = READY.with(Clone::clone);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for now in ticks {
                    // Nobody waits past the deadline.
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
