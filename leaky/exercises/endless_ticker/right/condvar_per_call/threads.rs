//! Right fix for the endless-ticker exercise, thread flavour, written
//! differently from `fixed/`: a `Mutex` and a `Condvar` per call.
//!
//! Right: the call's end wakes the worker at once; its checks end by the deadline.
//!
//! In full: no channel at all; the call and its worker share a `Mutex` and a
//! `Condvar`, and the worker waits for its ticks on the condvar, so the call's end
//! wakes it at once.
//!
//! Why: a guard marks the call over and wakes the worker however the call returns;
//! the worker reads that mark before every check and each check gives up at the
//! deadline, so it stops right after the check in flight; the caller waits on the
//! condvar until its deadline, never longer, and the state is this call's alone.

use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use workshop::{Probe, TimedOut};

use super::WORKER;

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
}

/// What one call and its worker share.
#[derive(Default)]
struct Call {
    state: Mutex<State>,
    changed: Condvar,
}

#[derive(Default)]
struct State {
    /// A check made for this call passed.
    ready: bool,
    /// The call has returned: the worker has nobody to check for.
    over: bool,
}

impl Call {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits until `until` or a change; returns the state.
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
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let deadline = Instant::now() + timeout;
        let call = Arc::new(Call::default());
        // Marks the call over, and wakes the worker, however the call returns.
        let _over = Over(Arc::clone(&call));
        let (probe, every, shared) =
            (self.probe.clone(), self.tick, Arc::clone(&call));
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || work(&shared, &probe, every, deadline))
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        let mut state = call.lock();
        loop {
            if state.ready {
                return Ok(());
            }
            if Instant::now() >= deadline {
                return Err(TimedOut(timeout));
            }
            state = call.wait_until(state, deadline);
        }
    }
}

/// The worker: a check every `every`, until one passes, the deadline, or the
/// call's end.
fn work(call: &Call, probe: &Probe, every: Duration, deadline: Instant) {
    loop {
        let next = Instant::now() + every;
        let mut state = call.lock();
        while !state.over && Instant::now() < next {
            state = call.wait_until(state, next);
        }
        if state.over || Instant::now() >= deadline {
            return;
        }
        drop(state);
        if probe.check_until(deadline) == Some(true) {
            call.lock().ready = true;
            call.changed.notify_all();
            return;
        }
    }
}

/// Marks its call over when dropped.
struct Over(Arc<Call>);

impl Drop for Over {
    fn drop(&mut self) {
        self.0.lock().over = true;
        self.0.changed.notify_all();
    }
}
