//! Wrong fix for the endless-ticker exercise, thread flavour:
//! one worker for the whole watcher, idle while nobody waits: each call hands it a
//! reply channel, and a check that passes answers every call waiting when it ends.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! One thread however many calls, asleep between them, gone with the watcher: the
//! shape the contract allows. But "every call waiting when it ends" includes calls
//! that came while the check was running: they are told "ready" by a check that
//! started before they asked, and the service may have gone down since.

use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender, at, bounded, select, tick, unbounded};
use workshop::{Probe, TimedOut};

use super::WORKER;

/// A call waiting for its answer.
struct Waiter {
    deadline: Instant,
    reply: Sender<()>,
}

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    // The worker's queue of calls; dropped with the watcher, which ends the worker.
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
            recv(at(deadline)) -> _ => Err(TimedOut(timeout)),
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
        select! {
            recv(queue) -> waiter => match waiter {
                Ok(waiter) => {
                    waiting.push(waiter);
                    continue;
                }
                Err(_) => return,
            },
            recv(ticks) -> _ => {}
        }
        // Calls past their deadline have returned: forget them.
        let now = Instant::now();
        waiting.retain(|waiter| waiter.deadline > now);
        if waiting.is_empty() {
            continue;
        }
        let ready = probe.check();
        // Answer everyone who is waiting now, so nobody waits a check longer.
        waiting.extend(queue.try_iter());
        if ready {
            for waiter in waiting.drain(..) {
                let _ = waiter.reply.try_send(());
            }
        }
    }
}
