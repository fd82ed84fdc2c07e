//! Right fix for the endless-ticker exercise, thread flavour, written
//! differently from `fixed/`: one worker thread owned by the watcher, asleep while
//! no call waits: each call hands it a reply channel and its deadline, and a check
//! answers only the calls that were waiting when it started.
//!
//! Right: the worker is bounded (one per watcher, however many calls), blocks on
//! its queue while no call waits, forgets a call once its deadline has passed,
//! gives each check the latest deadline among the calls it answers (so it never
//! checks for nobody), and ends when the watcher is dropped; a call that arrives
//! during a check waits for the next one, so no call is told "ready" by a check
//! older than its asking.

use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{
    Receiver, Sender, at, bounded, never, select, tick, unbounded,
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
    // The worker's queue; dropped with the watcher, which ends the worker.
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
            // `Err`: the worker forgot this call, its deadline having passed.
            recv(answer) -> answer => answer.map_err(|_| TimedOut(timeout)),
            recv(at(deadline)) -> _ => Err(TimedOut(timeout)),
        }
    }
}

/// Checks every tick while a call waits; sleeps on the queue while none does.
fn serve(probe: &Probe, every: Duration, queue: &Receiver<Waiter>) {
    let mut waiting: Vec<Waiter> = Vec::new();
    let mut ticks = never();
    loop {
        let now = Instant::now();
        waiting.retain(|waiter| waiter.deadline > now);
        if waiting.is_empty() {
            // Nobody waits: sleep until somebody does, or the watcher is gone.
            match queue.recv() {
                Ok(waiter) => waiting.push(waiter),
                Err(_) => return,
            }
            // The first check a tick from now, as a worker per call would.
            ticks = tick(every);
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
        let now = Instant::now();
        waiting.retain(|waiter| waiter.deadline > now);
        // The check starts now: it answers the calls waiting now, and no other.
        let asked = std::mem::take(&mut waiting);
        let Some(until) = asked.iter().map(|waiter| waiter.deadline).max() else {
            continue;
        };
        let ready = probe.check_until(until) == Some(true);
        // Calls that came during the check wait for the next one.
        let newcomers: Vec<Waiter> = queue.try_iter().collect();
        if ready {
            for waiter in asked {
                let _ = waiter.reply.try_send(());
            }
        } else {
            waiting = asked;
        }
        waiting.extend(newcomers);
    }
}
