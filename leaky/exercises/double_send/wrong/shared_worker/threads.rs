//! Wrong fix for the double-send exercise, thread flavour:
//! one worker for the whole watcher, started in `new` and gone with it: each call
//! puts a report channel on a list the watcher keeps and reads it until a report
//! says ready; the worker reports each check to every call on the list.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! One worker, whatever the number of calls, that forgets the calls whose deadline
//! has passed and ends once the watcher is dropped: nothing piles up, and no report
//! waits. But the list is read when a check ends, not when it starts: a call that
//! arrived while a check was under way, one started for earlier calls, is told
//! "ready" by it, though the service may have gone down since that check began.
//!
//! Double send, thread flavour: `std::thread` and crossbeam channels.
//!
//! The worker ticks with `tick`, and the caller races a report against `after` in a
//! `select!`, just as the Go code does.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError, Weak};
use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{Sender, after, select, tick, unbounded};
use workshop::{Probe, TimedOut};

use super::WORKER;

/// A call waiting for its answer.
struct Waiter {
    deadline: Instant,
    reports: Sender<bool>,
}

/// The calls waiting now.
type Waiting = Mutex<Vec<Waiter>>;

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    // WRONG FIX: no channel for every call: a list of the calls waiting now, to
    // which the watcher's one worker reports.
    waiting: Arc<Waiting>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        let waiting = Arc::new(Mutex::new(Vec::new()));
        // The worker holds the list weakly: once the watcher is gone, it ends.
        let list = Arc::downgrade(&waiting);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || serve(&probe, tick, &list))
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        Self { waiting }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let deadline = Instant::now() + timeout;
        let (reports, report_rx) = unbounded();
        lock(&self.waiting).push(Waiter { deadline, reports });
        // Reports are read until one says ready.
        let give_up = after(timeout);
        loop {
            select! {
                recv(report_rx) -> report => match report {
                    Ok(true) => return Ok(()),
                    Ok(false) => {}
                    Err(_) => return Err(TimedOut(timeout)),
                },
                recv(give_up) -> _ => return Err(TimedOut(timeout)),
            }
        }
    }
}

fn lock(waiting: &Waiting) -> MutexGuard<'_, Vec<Waiter>> {
    waiting.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The worker: checks every tick while a call waits, until the watcher is gone.
fn serve(probe: &Probe, every: Duration, list: &Weak<Waiting>) {
    for now in tick(every) {
        let Some(waiting) = list.upgrade() else {
            return;
        };
        // Calls past their deadline have returned: forget them.
        let anyone = {
            let mut waiting = lock(&waiting);
            waiting.retain(|waiter| waiter.deadline > now);
            !waiting.is_empty()
        };
        if !anyone {
            continue;
        }
        let ready = probe.check();
        // WRONG FIX: every call waiting hears how the check went; once it says
        // ready, they are done.
        let mut waiting = lock(&waiting);
        for waiter in waiting.iter() {
            let _ = waiter.reports.send(ready);
        }
        if ready {
            waiting.clear();
        }
    }
}
