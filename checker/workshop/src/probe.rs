//! A stand-in for the slow readiness check the workshop's story is about.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::Duration;

use tokio::time::Instant;

/// A readiness check that takes a while: think of an HTTP health check against a service
/// that is slow to answer. It gives the answer it was told to, so that a demo is
/// repeatable: the service is up at once ([`ready_after`](Self::ready_after)), comes up
/// on a later check ([`ready_on_check`](Self::ready_on_check)), or never does
/// ([`never_ready`](Self::never_ready)); a [`Switch`] brings it up or down at any moment.
///
/// A check's answer is settled when the check starts: a switch thrown while a check is
/// under way changes the answers of the checks that start after it, not that one's. Tests
/// build on this to tell an answer meant for an earlier call from a call's own.
///
/// A test that runs on real threads can hold a probe's checks at a [`Gate`] until it
/// releases the gate, so that "the deadline wins" never depends on how busy the machine
/// is. A [recorded](Self::recorded) probe keeps, for every check, when it started and
/// finished and what it answered: what the contract's checks judge a call's answer by.
#[derive(Debug, Clone)]
pub struct Probe {
    takes: Duration,
    /// Shared by the clones: the answers, the count of checks, the records.
    shared: Arc<Shared>,
    /// Shared by the clones made after [`gated`](Self::gated).
    gate: Option<Arc<GateState>>,
}

#[derive(Debug)]
struct Shared {
    /// Checks pass from this one on (numbered from 1, across every clone); [`NEVER`]
    /// for a service that is down.
    passes_from: AtomicUsize,
    /// ...up to this one; `usize::MAX` for a service that stays up.
    passes_until: AtomicUsize,
    /// How many checks have started, and a condvar that wakes whoever waits for more.
    started: Mutex<usize>,
    more_started: Condvar,
    /// Whether [`records`](Shared::records) are kept: a demo's probe, which may run for
    /// hours, keeps none.
    recording: AtomicBool,
    /// Every check of a recorded probe, by its number (from 1).
    records: Mutex<Vec<Check>>,
}

/// The `passes_from` of a service that is down.
const NEVER: usize = usize::MAX;

/// One check of a [recorded](Probe::recorded) probe: when it started and finished (on
/// tokio's clock, which is the system's outside a runtime with paused time), what it was
/// settled to answer, and whether it gave that answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Check {
    /// When the check started, and its answer was settled.
    pub started: Instant,
    /// When it finished or was given up; `None` while it is under way.
    pub finished: Option<Instant>,
    /// Whether the service was up when the check started: what it answers.
    pub passes: bool,
    /// Whether it gave its answer; `false` for a check given up at a deadline, or whose
    /// future was dropped.
    pub answered: bool,
}

impl Check {
    /// Whether this check said "ready" by `at`.
    pub fn said_ready_by(&self, at: Instant) -> bool {
        self.passes && self.answered && self.finished.is_some_and(|finished| finished <= at)
    }
}

/// The shared state of a [`Gate`]: whether checks may go through.
#[derive(Debug)]
struct GateState {
    open: Mutex<bool>,
    changed: Condvar,
}

impl GateState {
    fn lock(&self) -> MutexGuard<'_, bool> {
        self.open.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn set(&self, open: bool) {
        *self.lock() = open;
        self.changed.notify_all();
    }

    fn is_open(&self) -> bool {
        *self.lock()
    }

    /// Waits until the gate is open, or `deadline` (on the system's clock); says whether
    /// it opened.
    fn wait_until(&self, deadline: Option<std::time::Instant>) -> bool {
        let mut open = self.lock();
        while !*open {
            match deadline {
                None => {
                    open = self
                        .changed
                        .wait(open)
                        .unwrap_or_else(PoisonError::into_inner)
                }
                Some(deadline) => {
                    let left = deadline.saturating_duration_since(std::time::Instant::now());
                    if left.is_zero() {
                        return false;
                    }
                    open = self
                        .changed
                        .wait_timeout(open, left)
                        .unwrap_or_else(PoisonError::into_inner)
                        .0;
                }
            }
        }
        true
    }
}

/// Holds the checks of a gated probe while it is closed: a check that starts waits for
/// the gate before it takes its time and answers. Made closed by [`Probe::gated`];
/// dropping it opens it for good, so that a forgotten gate never holds a check forever.
#[derive(Debug)]
pub struct Gate {
    state: Arc<GateState>,
}

impl Gate {
    /// Lets every check through, now and from now on.
    pub fn open(self) {}

    /// Lets the checks held so far, and those that start from now on, through.
    pub fn release(&self) {
        self.state.set(true);
    }

    /// Holds the checks that have not reached the gate yet, until the next
    /// [`release`](Self::release).
    pub fn hold(&self) {
        self.state.set(false);
    }

    /// Whether checks go through.
    pub fn is_open(&self) -> bool {
        self.state.is_open()
    }
}

impl Drop for Gate {
    fn drop(&mut self) {
        self.state.set(true);
    }
}

/// Brings the service of a probe, and of all its clones, up or down: see
/// [`Probe::switchable`].
#[derive(Debug, Clone)]
pub struct Switch {
    shared: Arc<Shared>,
}

impl Switch {
    /// From now on every check that starts says "not ready"; a check already under way
    /// gives the answer it started with.
    pub fn never_ready(&self) {
        self.down();
    }

    /// From now on every check that starts says "not ready".
    pub fn down(&self) {
        self.shared.passes_from.store(NEVER, Ordering::SeqCst);
    }

    /// The next check to start says "ready", and every check after it "not ready": a
    /// service that is up for one check.
    pub fn up_for_one_check(&self) {
        let started = self
            .shared
            .started
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let next = *started + 1;
        self.shared.passes_until.store(next, Ordering::SeqCst);
        self.shared.passes_from.store(next, Ordering::SeqCst);
    }

    /// From now on every check that starts says "ready".
    pub fn up(&self) {
        self.shared.passes_until.store(usize::MAX, Ordering::SeqCst);
        self.shared.passes_from.store(0, Ordering::SeqCst);
    }
}

impl Probe {
    fn new(takes: Duration, passes_from: usize) -> Self {
        Self {
            takes,
            shared: Arc::new(Shared {
                passes_from: AtomicUsize::new(passes_from),
                passes_until: AtomicUsize::new(usize::MAX),
                started: Mutex::new(0),
                more_started: Condvar::new(),
                recording: AtomicBool::new(false),
                records: Mutex::new(Vec::new()),
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

    /// This probe, with a [`Switch`] that brings its service up or down for it and all
    /// its clones.
    pub fn switchable(self) -> (Self, Switch) {
        let switch = Switch {
            shared: Arc::clone(&self.shared),
        };
        (self, switch)
    }

    /// This probe with its checks held at a closed gate: each check first waits for the
    /// gate to be open, then takes its time and answers.
    pub fn gated(mut self) -> (Self, Gate) {
        let state = Arc::new(GateState {
            open: Mutex::new(false),
            changed: Condvar::new(),
        });
        self.gate = Some(Arc::clone(&state));
        (self, Gate { state })
    }

    /// This probe, keeping a [`Check`] record of every check it and its clones run.
    pub fn recorded(self) -> Self {
        self.shared.recording.store(true, Ordering::SeqCst);
        self
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

    /// The records of every check so far, in the order they started; empty unless the
    /// probe is [recorded](Self::recorded).
    pub fn records(&self) -> Vec<Check> {
        self.shared
            .records
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Starts a check: counts it, settles its answer and, where records are kept, notes
    /// it. Returns the check's number (from 1) and its answer.
    fn start(&self) -> (usize, bool) {
        let mut started = self
            .shared
            .started
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        *started += 1;
        let number = *started;
        let passes = number >= self.shared.passes_from.load(Ordering::SeqCst)
            && number <= self.shared.passes_until.load(Ordering::SeqCst);
        if self.shared.recording.load(Ordering::SeqCst) {
            // Noted under the count's lock: records stay in the order of their numbers.
            self.shared
                .records
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(Check {
                    started: Instant::now(),
                    finished: None,
                    passes,
                    answered: false,
                });
        }
        drop(started);
        self.shared.more_started.notify_all();
        (number, passes)
    }

    /// Notes that check `number` has finished, and whether it gave its answer.
    fn finish(&self, number: usize, answered: bool) {
        if !self.shared.recording.load(Ordering::SeqCst) {
            return;
        }
        let mut records = self
            .shared
            .records
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        // Recording may have been turned on after this check started: it has no record.
        if let Some(check) = records.get_mut(number.wrapping_sub(1)) {
            check.finished = Some(Instant::now());
            check.answered = answered;
        }
    }

    /// Runs one check on this thread, blocking it until the answer comes: a call with no
    /// timeout of its own.
    pub fn check(&self) -> bool {
        let (number, answer) = self.start();
        if let Some(gate) = &self.gate {
            gate.wait_until(None);
        }
        thread::sleep(self.takes);
        self.finish(number, true);
        answer
    }

    /// Runs one check on this thread, but gives up at `deadline`: a call with a timeout.
    /// `None` means the deadline came first.
    pub fn check_until(&self, deadline: std::time::Instant) -> Option<bool> {
        let (number, answer) = self.start();
        let answer = self.held_until(deadline, answer);
        self.finish(number, answer.is_some());
        answer
    }

    fn held_until(&self, deadline: std::time::Instant, answer: bool) -> Option<bool> {
        if let Some(gate) = &self.gate
            && !gate.wait_until(Some(deadline))
        {
            return None;
        }
        let left = deadline.saturating_duration_since(std::time::Instant::now());
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
        let mut finishing = Finishing {
            probe: self,
            number,
            answered: false,
        };
        if let Some(gate) = &self.gate {
            // A gate is a thread primitive; an async check looks at it once a millisecond
            // (of tokio's time, so paused time does not spin).
            while !gate.is_open() {
                tokio::time::sleep(Duration::from_millis(1)).await;
            }
        }
        tokio::time::sleep(self.takes).await;
        finishing.answered = true;
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

/// Notes an async check as finished when dropped, answered or not.
struct Finishing<'a> {
    probe: &'a Probe,
    number: usize,
    answered: bool,
}

impl Drop for Finishing<'_> {
    fn drop(&mut self) {
        self.probe.finish(self.number, self.answered);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "current_thread", start_paused = true)]
    async fn the_async_check_takes_its_time_and_answers() {
        let start = Instant::now();
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

    #[tokio::test(flavor = "current_thread", start_paused = true)]
    async fn a_dropped_async_check_is_recorded_as_given_up() {
        let probe = Probe::ready_after(Duration::from_secs(10)).recorded();
        let _ = tokio::time::timeout(Duration::from_secs(1), probe.check_async()).await;
        assert!(probe.check_async().await);
        let records = probe.records();
        assert_eq!(records.len(), 2);
        assert!(!records[0].answered && records[0].passes);
        let finished = records[1].finished.unwrap();
        assert_eq!(finished - records[1].started, Duration::from_secs(10));
        assert!(records[1].said_ready_by(finished));
        assert!(!records[1].said_ready_by(records[1].started));
    }

    #[test]
    fn a_check_that_cannot_finish_by_the_deadline_gives_up_at_it() {
        let probe = Probe::ready_after(Duration::from_secs(3600)).recorded();
        let start = std::time::Instant::now();
        assert_eq!(probe.check_until(start + Duration::from_millis(5)), None);
        assert!(start.elapsed() < Duration::from_secs(3600));
        assert!(!probe.records()[0].answered);
    }

    #[test]
    fn a_closed_gate_holds_a_check_until_the_deadline() {
        let (probe, _gate) = Probe::ready_after(Duration::ZERO).gated();
        let deadline = std::time::Instant::now() + Duration::from_millis(5);
        assert_eq!(probe.check_until(deadline), None);
        assert!(std::time::Instant::now() >= deadline);
    }

    #[test]
    fn an_open_gate_lets_every_check_through() {
        let (probe, gate) = Probe::never_ready(Duration::ZERO).gated();
        gate.open();
        let far = std::time::Instant::now() + Duration::from_secs(3600);
        assert_eq!(probe.check_until(far), Some(false));
        assert!(!probe.check());
    }

    #[test]
    fn a_gate_held_again_holds_the_checks_that_come_after() {
        let (probe, gate) = Probe::ready_after(Duration::ZERO).gated();
        gate.release();
        assert!(probe.check());
        gate.hold();
        let soon = std::time::Instant::now() + Duration::from_millis(5);
        assert_eq!(probe.check_until(soon), None);
        gate.release();
        assert_eq!(probe.check_until(soon), Some(true));
    }

    #[test]
    fn a_switch_brings_every_clone_down_and_up() {
        let (probe, switch) = Probe::ready_after(Duration::ZERO).switchable();
        let clone = probe.clone();
        assert!(clone.check());
        switch.down();
        assert!(!probe.check());
        assert!(!clone.check());
        switch.up();
        assert!(probe.check());
        switch.never_ready();
        assert!(!clone.check());
    }

    #[test]
    fn a_service_up_for_one_check_answers_ready_once() {
        let (probe, switch) = Probe::never_ready(Duration::ZERO).switchable();
        assert!(!probe.check());
        switch.up_for_one_check();
        assert!(probe.check());
        assert!(!probe.check());
        switch.up();
        assert!(probe.check() && probe.check());
    }

    #[test]
    fn a_check_that_fits_the_deadline_answers() {
        let probe = Probe::ready_after(Duration::ZERO);
        let far = std::time::Instant::now() + Duration::from_secs(3600);
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
        let probe = probe.recorded();
        let held = thread::spawn({
            let probe = probe.clone();
            move || probe.check()
        });
        assert!(probe.wait_for_checks(1, Duration::from_secs(60)));
        switch.down();
        gate.open();
        assert!(held.join().unwrap(), "started before the switch: ready");
        assert!(!probe.check(), "started after the switch: not ready");
        let records = probe.records();
        assert!(records[0].passes && records[0].answered);
        assert!(!records[1].passes && records[1].answered);
        assert!(records[0].started <= records[1].started);
    }

    #[test]
    fn waiting_for_checks_that_never_start_gives_up_at_the_limit() {
        let probe = Probe::ready_after(Duration::ZERO);
        assert!(!probe.wait_for_checks(1, Duration::from_millis(1)));
        assert!(probe.check());
        assert!(probe.wait_for_checks(1, Duration::ZERO));
        assert!(
            probe.records().is_empty(),
            "an unrecorded probe keeps nothing"
        );
    }
}
