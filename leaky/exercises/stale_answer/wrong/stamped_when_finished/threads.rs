//! Wrong fix for the stale-answer exercise, thread flavour:
//! answers stamped when their check finished; older ones are skipped.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! In full: the shared channel stays, each answer carries the instant its check
//! finished, and a call skips the answers stamped before it asked.
//!
//! A timestamp looks like exactly the information that was missing, and it does
//! throw out answers that sat in the channel. But the stamp is taken when the check
//! ends: a check that started before the call asked, and finished after, carries a
//! stamp the call accepts, and its "ready" (settled when it started) becomes the
//! call's answer. (And calls at once take each other's answers off the shared
//! channel.)

use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender, after, select, tick, unbounded};
use workshop::{Probe, TimedOut};

use super::WORKER;

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    /// One channel for every call; each answer says when it was made.
    ready: (Sender<Instant>, Receiver<Instant>),
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, ready: unbounded() }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let asked = Instant::now();
        let deadline = asked + timeout;
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        let (ready_tx, ready_rx) = self.ready.clone();
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in ticks.into_iter().take_while(|&now| now < deadline) {
                    if probe.check() {
                        // When the answer was made.
                        let _ = ready_tx.send(Instant::now());
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        let give_up = after(timeout);
        loop {
            select! {
                recv(ready_rx) -> answer => match answer {
                    // Made after we asked: ours.
                    Ok(made) if made >= asked => return Ok(()),
                    // Older than the call: stale, skip it.
                    _ => {}
                },
                recv(give_up) -> _ => return Err(TimedOut(timeout)),
            }
        }
    }
}
