//! Right fix for the stale-answer exercise, thread flavour, written
//! differently from `fixed/`: one worker per watcher, numbered checks.
//!
//! Right: a call takes only the checks numbered after it asked.
//!
//! In full: one worker for the watcher, which numbers its checks; a call takes only
//! the answer of a check numbered after it asked.
//!
//! Why: a call notes the number the next check will carry, under the lock the
//! worker takes to number a check, so every check that may answer it starts after
//! it asked; the worker checks only while an unanswered call waits, gives each
//! check the latest deadline among those calls, and ends when the watcher is
//! dropped, which never waits for it; its state holds one entry per call waiting,
//! nothing more.

use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use workshop::{Probe, TimedOut};

use super::WORKER;

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    shared: Arc<Shared>,
}

/// What the calls and the worker share.
struct Shared {
    probe: Probe,
    tick: Duration,
    state: Mutex<State>,
    /// Wakes the worker (a call came, the watcher went) and the calls (a check
    /// passed).
    changed: Condvar,
}

#[derive(Default)]
struct State {
    /// The number the next check will carry.
    next_check: u64,
    /// The highest number of a check that passed.
    passed: Option<u64>,
    /// Each waiting call: the first check that may answer it, and its deadline.
    waiting: Vec<(u64, Instant)>,
    /// The watcher is gone: the worker ends.
    closed: bool,
}

impl State {
    /// Whether check `first`, or a later one, has passed.
    fn answered(&self, first: u64) -> bool {
        self.passed.is_some_and(|passed| passed >= first)
    }

    /// The latest deadline among the calls still waiting for an answer, if any.
    fn wanted_until(&self, now: Instant) -> Option<Instant> {
        self.waiting
            .iter()
            .filter(|&&(first, deadline)| !self.answered(first) && deadline > now)
            .map(|&(_, deadline)| deadline)
            .max()
    }
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn wait_until<'a>(
        &self,
        state: MutexGuard<'a, State>,
        until: Instant,
    ) -> MutexGuard<'a, State> {
        let left = until.saturating_duration_since(Instant::now());
        self.changed
            .wait_timeout(state, left)
            .unwrap_or_else(PoisonError::into_inner)
            .0
    }

    /// The worker: while a call waits, a check every tick.
    fn work(&self) {
        loop {
            // Idle until a call waits.
            let mut state = self.lock();
            while !state.closed && state.wanted_until(Instant::now()).is_none() {
                state = self
                    .changed
                    .wait(state)
                    .unwrap_or_else(PoisonError::into_inner);
            }
            // A tick before each check.
            let next = Instant::now() + self.tick;
            while !state.closed && Instant::now() < next {
                state = self.wait_until(state, next);
            }
            if state.closed {
                return;
            }
            let Some(until) = state.wanted_until(Instant::now()) else {
                continue;
            };
            // Numbered under the lock: a call that notes its number from now on
            // asked before this check starts, and will not take its answer.
            let number = state.next_check;
            state.next_check += 1;
            drop(state);
            if self.probe.check_until(until) == Some(true) {
                let mut state = self.lock();
                state.passed = state.passed.max(Some(number));
                drop(state);
                self.changed.notify_all();
            }
        }
    }
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        let shared = Arc::new(Shared {
            probe,
            tick,
            state: Mutex::new(State::default()),
            changed: Condvar::new(),
        });
        let worker = Arc::clone(&shared);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || worker.work())
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        Self { shared }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let deadline = Instant::now() + timeout;
        let shared = &*self.shared;
        let mut state = shared.lock();
        // Only a check numbered from here on started after this call asked.
        let first = state.next_check;
        state.waiting.push((first, deadline));
        shared.changed.notify_all();
        let answer = loop {
            if state.answered(first) {
                break Ok(());
            }
            if Instant::now() >= deadline {
                break Err(TimedOut(timeout));
            }
            state = shared.wait_until(state, deadline);
        };
        if let Some(at) =
            state.waiting.iter().position(|&call| call == (first, deadline))
        {
            state.waiting.swap_remove(at);
        }
        answer
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        // The worker ends at once if idle, or after its check in flight; nobody
        // waits.
        self.shared.lock().closed = true;
        self.shared.changed.notify_all();
    }
}
