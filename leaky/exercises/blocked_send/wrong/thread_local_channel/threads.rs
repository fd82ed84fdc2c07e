//! Wrong fix for the blocked-send exercise, thread flavour:
//! no channel on the watcher; one channel per calling thread instead, in a
//! `thread_local!`, with a slot for the answer.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! The watcher no longer keeps a receiver that outlives its calls, the slot means
//! no send ever waits, and two threads never share a channel; but a thread's calls
//! follow one another on the same channel: an answer that lands after its call gave
//! up waits in the slot, and the thread's next call takes it as its own.
//!
//! Blocked send, thread flavour: `std::thread` and crossbeam channels.
//!
//! The worker ticks with `tick`, and the caller races the worker's answer against
//! `after` in a `select!`, just as the Go code does.

use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender, after, bounded, select, tick};
use workshop::{Probe, TimedOut};

use super::WORKER;

thread_local! {
    // WRONG FIX: one channel per calling thread, made once: a thread makes one
    // call at a time, so its calls never share the channel at once.
    static READY: (Sender<bool>, Receiver<bool>) = bounded(1);
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
        let probe = self.probe.clone();
        let ticks = tick(self.tick);
        let (ready_tx, ready_rx) = READY.with(|ready| ready.clone());
        // Dropping a `JoinHandle` detaches the thread; it does not stop it.
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                // Nobody waits past the deadline: stop there.
                for _ in ticks.into_iter().take_while(|&now| now < deadline) {
                    if probe.check() {
                        // WRONG FIX: the slot has room: this never waits.
                        let _ = ready_tx.try_send(true);
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
