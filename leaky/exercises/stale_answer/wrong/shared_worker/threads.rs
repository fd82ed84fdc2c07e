//! Wrong fix for the stale-answer exercise, thread flavour:
//! one worker for the whole watcher, started in `new` and gone with it: each call
//! hands it a reply channel of its own, so no answer is ever left for another
//! call, and a check that passes answers every call waiting when it ends.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! A reply per call, and a worker that forgets the calls whose deadline has passed:
//! no answer waits in a channel for the next call, and nothing piles up. But the
//! calls to answer are read when the check ends, not when it starts: a call that
//! arrived while a check was under way, one started for earlier calls, is told
//! "ready" by it, the very stale answer the reply channels were meant to prevent.
//!
//! Stale answer, thread flavour: `std::thread` and crossbeam channels.
//!
//! The worker ticks with `tick`, and the caller races the worker's answer against
//! `after` in a `select!`, just as the Go code does.

use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{
    Receiver, Sender, after, bounded, select, tick, unbounded,
};
use workshop::{Probe, TimedOut};

use super::WORKER;

/// A call waiting for its answer.
struct Waiter {
    deadline: Instant,
    reply: Sender<()>,
}

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    // WRONG FIX: no channel for every answer: the worker's queue of calls, each
    // with a reply channel of its own; dropped with the watcher, which ends the
    // worker.
    calls: Sender<Waiter>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        let (calls, queue) = unbounded();
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || serve(&probe, tick, &queue))
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        Self { calls }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let deadline = Instant::now() + timeout;
        let (reply, answer) = bounded(1);
        if self.calls.send(Waiter { deadline, reply }).is_err() {
            return Err(TimedOut(timeout));
        }
        select! {
            recv(answer) -> answer => answer.map_err(|_| TimedOut(timeout)),
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }
}

/// The worker: checks every tick while a call waits, sleeps while none does.
fn serve(probe: &Probe, every: Duration, queue: &Receiver<Waiter>) {
    let ticks = tick(every);
    let mut waiting: Vec<Waiter> = Vec::new();
    loop {
        if waiting.is_empty() {
            // Nobody waits: sleep until somebody does, or the watcher is gone.
            match queue.recv() {
                Ok(waiter) => waiting.push(waiter),
                Err(_) => return,
            }
        }
        let _ = ticks.recv();
        // Calls past their deadline have returned: forget them.
        let now = Instant::now();
        waiting.retain(|waiter| waiter.deadline > now);
        if waiting.is_empty() {
            continue;
        }
        let ready = probe.check();
        // WRONG FIX: everyone who is waiting now hears the answer.
        waiting.extend(queue.try_iter());
        if ready {
            for waiter in waiting.drain(..) {
                let _ = waiter.reply.try_send(());
            }
        }
    }
}
