//! Wrong fix for the stale-answer exercise, thread flavour:
//! each call first drains the shared channel of answers meant for others.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! In full: the shared channel stays, and each call first throws away whatever
//! answers are waiting in it, since those were meant for earlier calls; workers
//! stop at their call's deadline.
//!
//! One call after another, with answers that came in before the next call, it
//! works: the stale answers are drained. But an answer is stale because of when its
//! check started, not because of when it arrives. A check under way when its call
//! gave up answers after the next call has drained the channel, and the next call
//! takes that answer for its own. (Calls at once drain each other's answers, too.)

use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender, after, select, tick, unbounded};
use workshop::{Probe, TimedOut};

use super::WORKER;

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    /// One channel for every call: what is in it when a call starts is stale.
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
        // Answers left from earlier calls are not ours: throw them away.
        while ready_rx.try_recv().is_ok() {}
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in ticks.into_iter().take_while(|&now| now < deadline) {
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
