//! Wrong fix for the blocked-send exercise, thread flavour:
//! a one-slot channel per call, and a send that `expect`s the caller to listen.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! In full: a one-slot channel per call and a worker that stops at the call's
//! deadline, whose send `expect`s the caller to be listening.
//!
//! The slot means the send never waits, and the deadline ends the ticker, so no
//! thread is left. The `expect` reads as a harmless assertion: the worker only
//! sends after a check passed, and the caller waits for exactly that. But a check
//! under way when the caller gives up still finishes, and when it passes the send
//! finds the receiver gone: the worker panics. Nobody joins it, so the panic goes
//! unseen.

use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{after, bounded, select, tick};
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
        let probe = self.probe.clone();
        let ticks = tick(self.tick);
        let (ready_tx, ready_rx) = bounded(1);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in ticks.into_iter().take_while(|&now| now < deadline) {
                    if probe.check() {
                        // The caller waits for this very answer.
                        ready_tx.send(true).expect("the caller is waiting");
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        select! {
            recv(ready_rx) -> answer => {
                answer.map(drop).map_err(|_| TimedOut(timeout))
            }
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }
}
