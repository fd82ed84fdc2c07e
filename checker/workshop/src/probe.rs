//! A stand-in for the slow readiness check the workshop's story is about.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, RecvTimeoutError, Sender, TryRecvError, bounded};

/// A readiness check that takes a while: think of an HTTP health check against a service
/// that is slow to answer. It gives the answer it was told to, so that a demo is
/// repeatable: the service is up at once ([`ready_after`](Self::ready_after)), comes up
/// on a later check ([`ready_on_check`](Self::ready_on_check)), or never does
/// ([`never_ready`](Self::never_ready)).
///
/// A check's answer is settled when the check starts: a [`Switch`] thrown while a check is
/// under way changes the answers of the checks that start after it, not that one's. Tests
/// build on this to tell an answer meant for an earlier call from a call's own.
///
/// A test that runs on real threads can hold a probe's checks at a [`Gate`] until it opens
/// the gate, so that "the deadline wins" never depends on how busy the machine is.
#[derive(Debug, Clone)]
pub struct Probe {
    takes: Duration,
    /// Shared by the clones: the answers, and the count of checks started.
    shared: Arc<Shared>,
    /// Disconnected once the gate opens; a receive on it then returns at once.
    gate: Option<Receiver<()>>,
}

#[derive(Debug)]
struct Shared {
    /// Checks pass from this one on (numbered from 1, across every clone); [`NEVER`]
    /// for a service that never comes up.
    passes_from: AtomicUsize,
    /// How many checks have started, and a condvar that wakes whoever waits for more.
    started: Mutex<usize>,
    more_started: Condvar,
    /// When each check of a gated probe finished, by its number: what a test reads to
    /// know that an answer has been given. An ungated probe (a demo's, which may run
    /// for hours) keeps none.
    finished: Mutex<Vec<(usize, Instant)>>,
}

/// The `passes_from` of a service that never comes up.
const NEVER: usize = usize::MAX;

/// Holds every check of a gated probe until [`open`](Gate::open) is called or the gate is
/// dropped.
#[derive(Debug)]
pub struct Gate {
    /// Never sent on: dropping it disconnects the probe's receiver, which opens the gate.
    _open: Sender<()>,
}

impl Gate {
    /// Lets every check through, now and from now on.
    pub fn open(self) {}
}

/// Changes the answer of a probe and of all its clones: see [`Probe::switchable`].
#[derive(Debug, Clone)]
pub struct Switch {
    shared: Arc<Shared>,
}

impl Switch {
    /// From now on every check that starts says "not ready"; a check already under way
    /// gives the answer it started with.
    pub fn never_ready(&self) {
        self.shared.passes_from.store(NEVER, Ordering::SeqCst);
    }
}

impl Probe {
    fn new(takes: Duration, passes_from: usize) -> Self {
        Self {
            takes,
            shared: Arc::new(Shared {
                passes_from: AtomicUsize::new(passes_from),
                started: Mutex::new(0),
                more_started: Condvar::new(),
                finished: Mutex::new(Vec::new()),
            }),
            gate: None,
        }
    }

    /// A check that takes `takes` and then says "ready".
    pub fn ready_after(takes: Duration) -> Self {
        Self::new(takes, 1)
    }

    /// A check that takes `takes` and then says "not ready", every time: the service never
    /// comes up.
    pub fn never_ready(takes: Duration) -> Self {
        Self::new(takes, NEVER)
    }

    /// A service that comes up later: the first `check - 1` checks (counted across this
    /// probe and its clones) say "not ready", and every check from the `check`-th on says
    /// "ready". Each takes `takes`.
    pub fn ready_on_check(check: usize, takes: Duration) -> Self {
        Self::new(takes, check.max(1))
    }

    /// This probe, with a [`Switch`] that turns its answer to "not ready" for it and all
    /// its clones: what a test needs to catch an answer meant for an earlier call.
    pub fn switchable(self) -> (Self, Switch) {
        let switch = Switch {
            shared: Arc::clone(&self.shared),
        };
        (self, switch)
    }

    /// This probe with its checks held at a gate: each check first waits for the gate to
    /// open, then takes its time and answers.
    pub fn gated(mut self) -> (Self, Gate) {
        let (open, gate) = bounded(0);
        self.gate = Some(gate);
        (self, Gate { _open: open })
    }

    /// How long one check takes (once its gate, if any, is open).
    pub fn takes(&self) -> Duration {
        self.takes
    }

    /// How many checks this probe and its clones have started.
    pub fn checks_started(&self) -> usize {
        *self
            .shared
            .started
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits until at least `count` checks have started, or `limit` has gone by; says
    /// whether they have. A test waits here for a call to be under way, on real threads.
    pub fn wait_for_checks(&self, count: usize, limit: Duration) -> bool {
        let started = self
            .shared
            .started
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let (started, _) = self
            .shared
            .more_started
            .wait_timeout_while(started, limit, |started| *started < count)
            .unwrap_or_else(PoisonError::into_inner);
        *started >= count
    }

    /// When the checks numbered 1 to `count` (in the order they started, across every
    /// clone) had all finished, if they have: the instant the last of them did. Kept for
    /// a gated probe only; an ungated one answers `None`.
    pub fn finished_by(&self, count: usize) -> Option<Instant> {
        let finished = self
            .shared
            .finished
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        // Each number is noted once: all of 1 to `count` are there when `count` are.
        let done: Vec<Instant> = finished
            .iter()
            .filter(|(number, _)| *number <= count)
            .map(|&(_, at)| at)
            .collect();
        if done.len() == count {
            done.into_iter().max()
        } else {
            None
        }
    }

    /// Starts a check: counts it and settles its answer. Returns the check's number
    /// (from 1) and its answer.
    fn start(&self) -> (usize, bool) {
        let mut started = self
            .shared
            .started
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        *started += 1;
        let number = *started;
        let passes = number >= self.shared.passes_from.load(Ordering::SeqCst);
        drop(started);
        self.shared.more_started.notify_all();
        (number, passes)
    }

    /// Notes that check `number` has finished, where this probe keeps such notes.
    fn finish(&self, number: usize) {
        if self.gate.is_some() {
            self.shared
                .finished
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push((number, Instant::now()));
        }
    }

    /// Runs one check on this thread, blocking it until the answer comes: a call with no
    /// timeout of its own.
    pub fn check(&self) -> bool {
        let (number, answer) = self.start();
        if let Some(gate) = &self.gate {
            let _ = gate.recv();
        }
        thread::sleep(self.takes);
        self.finish(number);
        answer
    }

    /// Runs one check on this thread, but gives up at `deadline`: a call with a timeout.
    /// `None` means the deadline came first.
    pub fn check_until(&self, deadline: Instant) -> Option<bool> {
        let (number, answer) = self.start();
        let answer = self.held_until(deadline, answer);
        self.finish(number);
        answer
    }

    fn held_until(&self, deadline: Instant, answer: bool) -> Option<bool> {
        if let Some(gate) = &self.gate
            && gate.recv_deadline(deadline) == Err(RecvTimeoutError::Timeout)
        {
            return None;
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if self.takes > left {
            thread::sleep(left);
            return None;
        }
        thread::sleep(self.takes);
        Some(answer)
    }

    /// Runs one check as a future. Dropping the future abandons the check, as dropping any
    /// future does.
    pub async fn check_async(&self) -> bool {
        let (number, answer) = self.start();
        // Finished when it answers, or when it is dropped: either way it gives no answer
        // after this.
        let _finishing = Finishing(self, number);
        if let Some(gate) = &self.gate {
            // A gate is a thread primitive; an async check looks at it once a millisecond
            // (of tokio's time, so paused time does not spin).
            while gate.try_recv() == Err(TryRecvError::Empty) {
                tokio::time::sleep(Duration::from_millis(1)).await;
            }
        }
        tokio::time::sleep(self.takes).await;
        answer
    }

    /// The check a pattern's demo runs, as the manifest names its service.
    pub fn for_service(service: crate::Service, takes: Duration) -> Self {
        match service {
            crate::Service::ComesUp => Self::ready_after(takes),
            crate::Service::NeverComesUp => Self::never_ready(takes),
        }
    }
}

/// Notes a check as finished when dropped.
struct Finishing<'a>(&'a Probe, usize);

impl Drop for Finishing<'_> {
    fn drop(&mut self) {
        self.0.finish(self.1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "current_thread", start_paused = true)]
    async fn the_async_check_takes_its_time_and_answers() {
        let start = tokio::time::Instant::now();
        assert!(
            Probe::ready_after(Duration::from_secs(10))
                .check_async()
                .await
        );
        assert!(
            !Probe::never_ready(Duration::from_secs(1))
                .check_async()
                .await
        );
        assert_eq!(start.elapsed(), Duration::from_secs(11));
    }

    #[tokio::test(flavor = "current_thread", start_paused = true)]
    async fn an_async_check_waits_for_its_gate() {
        let (probe, gate) = Probe::ready_after(Duration::ZERO).gated();
        let check = tokio::spawn(async move { probe.check_async().await });
        tokio::time::sleep(Duration::from_secs(5)).await;
        assert!(!check.is_finished());
        gate.open();
        assert!(check.await.unwrap());
    }

    #[test]
    fn a_check_that_cannot_finish_by_the_deadline_gives_up_at_it() {
        let probe = Probe::ready_after(Duration::from_secs(3600));
        let start = Instant::now();
        assert_eq!(probe.check_until(start + Duration::from_millis(5)), None);
        assert!(start.elapsed() < Duration::from_secs(3600));
    }

    #[test]
    fn a_closed_gate_holds_a_check_until_the_deadline() {
        let (probe, _gate) = Probe::ready_after(Duration::ZERO).gated();
        let deadline = Instant::now() + Duration::from_millis(5);
        assert_eq!(probe.check_until(deadline), None);
        assert!(Instant::now() >= deadline);
    }

    #[test]
    fn an_open_gate_lets_every_check_through() {
        let (probe, gate) = Probe::never_ready(Duration::ZERO).gated();
        gate.open();
        let far = Instant::now() + Duration::from_secs(3600);
        assert_eq!(probe.check_until(far), Some(false));
        assert!(!probe.check());
    }

    #[test]
    fn a_switch_turns_every_clone_to_not_ready() {
        let (probe, switch) = Probe::ready_after(Duration::ZERO).switchable();
        let clone = probe.clone();
        assert!(clone.check());
        switch.never_ready();
        assert!(!probe.check());
        assert!(!clone.check());
    }

    #[test]
    fn a_check_that_fits_the_deadline_answers() {
        let probe = Probe::ready_after(Duration::ZERO);
        let far = Instant::now() + Duration::from_secs(3600);
        assert_eq!(probe.check_until(far), Some(true));
        assert_eq!(
            Probe::never_ready(Duration::ZERO).check_until(far),
            Some(false)
        );
    }

    #[test]
    fn a_service_that_comes_up_later_passes_from_its_nth_check_on() {
        let probe = Probe::ready_on_check(3, Duration::ZERO);
        let clone = probe.clone();
        assert!(!probe.check());
        assert!(!clone.check());
        assert!(probe.check());
        assert!(clone.check());
        assert_eq!(probe.checks_started(), 4);
    }

    #[test]
    fn a_check_keeps_the_answer_it_started_with() {
        let (probe, gate) = Probe::ready_after(Duration::ZERO).gated();
        let (probe, switch) = probe.switchable();
        let held = thread::spawn({
            let probe = probe.clone();
            move || probe.check()
        });
        assert!(probe.wait_for_checks(1, Duration::from_secs(60)));
        switch.never_ready();
        gate.open();
        assert!(held.join().unwrap(), "started before the switch: ready");
        assert!(!probe.check(), "started after the switch: not ready");
    }

    #[test]
    fn waiting_for_checks_that_never_start_gives_up_at_the_limit() {
        let probe = Probe::ready_after(Duration::ZERO);
        assert!(!probe.wait_for_checks(1, Duration::from_millis(1)));
        assert!(probe.check());
        assert!(probe.wait_for_checks(1, Duration::ZERO));
    }
}
