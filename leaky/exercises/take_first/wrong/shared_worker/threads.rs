//! Wrong fix for the take-first exercise, thread flavour:
//! one set of replica workers for the whole watcher, started in `new` and gone
//! with it: each call puts a reply channel on a list the watcher keeps, and a
//! replica whose check passes answers every call on the list.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! Three workers, whatever the number of calls, that forget the calls whose
//! deadline has passed and end once the watcher is dropped: nothing piles up. But
//! the list is read when a check ends, not when it starts: a call that arrived
//! while a check was under way, one started for earlier calls, is told "ready" by
//! it, though the service may have gone down since that check began.
//!
//! Take first, thread flavour: `std::thread` and crossbeam channels.
//!
//! The workers tick with `tick`, and the caller races the first answer against
//! `after` in a `select!`, just as the Go code does.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError, Weak};
use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{Sender, after, bounded, select, tick};
use workshop::{Probe, TimedOut};

use super::{REPLICAS, WORKER};

/// A call waiting for its answer.
struct Waiter {
    deadline: Instant,
    reply: Sender<()>,
}

/// The calls waiting now.
type Waiting = Mutex<Vec<Waiter>>;

/// Waits for a service to become ready, asking every replica at once.
pub struct Watcher {
    // WRONG FIX: no channel for every call: a list of the calls waiting now,
    // which the watcher's replicas answer.
    waiting: Arc<Waiting>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        let waiting = Arc::new(Mutex::new(Vec::new()));
        for _ in 0..REPLICAS {
            // Each replica holds the list weakly: once the watcher is gone, it
            // ends.
            let (probe, list) = (probe.clone(), Arc::downgrade(&waiting));
            thread::Builder::new()
                .name(WORKER.to_owned())
                .spawn(move || serve(&probe, tick, &list))
                .unwrap_or_else(|e| {
                    panic!("the OS refused to start a thread: {e}")
                });
        }
        Self { waiting }
    }

    /// Waits until the first replica's probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let deadline = Instant::now() + timeout;
        let (reply, answer) = bounded(1);
        lock(&self.waiting).push(Waiter { deadline, reply });
        select! {
            recv(answer) -> answer => answer.map_err(|_| TimedOut(timeout)),
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }
}

fn lock(waiting: &Waiting) -> MutexGuard<'_, Vec<Waiter>> {
    waiting.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A replica: checks every tick while a call waits, until the watcher is gone.
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
        if anyone && probe.check() {
            // WRONG FIX: ready: tell everyone who is waiting.
            for waiter in lock(&waiting).drain(..) {
                let _ = waiter.reply.try_send(());
            }
        }
    }
}
