//! What a played schedule shows, judged from what happened: each call's answer and times,
//! each check's record from the probe, and when the service was up. The judgments and their
//! words are the same for every flavour; only the clock they are read on differs.
//!
//! A call's "ready" is its own when a check that started after the call was made said
//! "ready" before the call answered. That holds for any fix, however many workers it runs
//! and whoever owns them: a check cannot answer a call that had not been made when it
//! started, and an answer cannot come before the check that gave it has finished.

use std::fmt::Write as _;
use std::time::Duration;

use tokio::time::Instant;

use super::schedule::{Call, caller_name};
use super::{Clause, human};
use crate::TimedOut;
use crate::probe::Check;

/// How a call ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// It returned this answer.
    Answered(Result<(), TimedOut>),
    /// Its caller dropped it (a future) before it answered.
    Dropped,
    /// It panicked (the panic is judged on its own).
    Panicked,
}

/// A call as it happened.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Made {
    pub(crate) call: Call,
    /// When it was made: just before `wait_ready` was called.
    pub(crate) asked: Instant,
    /// When it returned, or was dropped.
    pub(crate) returned: Instant,
    pub(crate) outcome: Outcome,
}

impl Made {
    pub(crate) fn took(&self) -> Duration {
        self.returned - self.asked
    }

    fn name(&self) -> String {
        format!(
            "call {} (caller {})",
            self.call.id,
            caller_name(self.call.caller)
        )
    }
}

/// The clock a flavour's times are read on, as a failure says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Clock {
    /// tokio's paused clock: every time is exact.
    Paused,
    /// Real time, on a machine that may be busy.
    Real,
}

impl Clock {
    fn on(self) -> &'static str {
        match self {
            Clock::Paused => " (on tokio's paused clock)",
            Clock::Real => "",
        }
    }

    /// How much of a stretch of time the machine, not the code under test, took: none on
    /// the paused clock; on real time, the stretches this process did not run.
    fn stalled(self, from: Instant, to: Instant) -> Duration {
        match self {
            Clock::Paused => Duration::ZERO,
            Clock::Real => super::stalls::within(from, to),
        }
    }
}

/// When the service was up and its checks could finish, as the runner made it so.
#[derive(Debug, Clone, Default)]
pub(crate) struct Service {
    /// From each instant on: whether checks that start say "ready", and whether they may
    /// finish (not held at the gate).
    pub(crate) changes: Vec<(Instant, bool, bool)>,
}

impl Service {
    /// The stretches of time, within `from..to`, in which the service was up and its checks
    /// could finish.
    fn up_within(&self, from: Instant, to: Instant) -> Vec<(Instant, Instant)> {
        let mut stretches = Vec::new();
        let mut start: Option<Instant> = None;
        let mut state = (false, false);
        let mut edges = self.changes.clone();
        edges.push((to, false, false));
        for (at, up, open) in edges {
            let at = at.clamp(from, to);
            let was = state.0 && state.1;
            state = (up, open);
            let is = up && open;
            match (was, is) {
                (false, true) => start = Some(at),
                (true, false) => {
                    if let Some(begun) = start.take()
                        && at > begun
                    {
                        stretches.push((begun, at));
                    }
                }
                _ => {}
            }
        }
        stretches
    }
}

/// What a flavour allows and needs: the clock, how late a call may be, how long the
/// service must be up within a call's time for the call to be sure of an answer.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rules {
    pub(crate) clock: Clock,
    /// How late past its deadline any one call may return.
    pub(crate) late: Duration,
    /// How long the service must be up, and its checks free, for a check to start and
    /// answer within a waiting call's time, whatever the fix: a check under way ends, a
    /// tick comes, a new check runs.
    pub(crate) ready_window: Duration,
    pub(crate) tick: Duration,
    /// How long before its deadline a call's own check must have said ready for the call
    /// to be sure to take that answer: none on the paused clock (any answer before the
    /// deadline counts), a busy machine's margin on real time.
    pub(crate) answer_margin: Duration,
}

/// A clause broken by one call, in words.
#[derive(Debug, Clone)]
pub(crate) struct Finding {
    pub(crate) clause: Clause,
    pub(crate) how: String,
}

impl Finding {
    fn new(clause: Clause, how: String) -> Self {
        Self { clause, how }
    }
}

/// The judgments of one clause on the calls of a played schedule, the first that fails;
/// then, on any clause's calls, whether each came back by its deadline.
pub(crate) fn judge(
    clause: Clause,
    rules: &Rules,
    made: &[Made],
    checks: &[Check],
    service: &Service,
) -> Option<Finding> {
    let all = made;
    let own = made.iter().find_map(|made| match clause {
        Clause::ReturnsByItsDeadline => on_time(rules, made),
        Clause::AnsweredReady => false_ready(rules, made, checks)
            .or_else(|| missed(rules, made, checks, all))
            .or_else(|| unanswered(rules, made, service)),
        Clause::NoAnswerMeantForAnother => stale(rules, made, checks),
        Clause::LeavesNothingBehind => None,
    });
    // Every clause's calls are held to their deadlines too, once the clause's own
    // judgments have found nothing: a late call is named as what it is. (A call that gave
    // up early is the deadline clause's to judge, and the answered-ready clause's.)
    own.or_else(|| made.iter().find_map(|made| late(rules, made)))
}

/// A call returned by its deadline (within the flavour's allowance), and a call that
/// timed out says so with the timeout it was given.
fn on_time(rules: &Rules, made: &Made) -> Option<Finding> {
    let Outcome::Answered(answer) = made.outcome else {
        return None;
    };
    let timeout = made.call.timeout;
    if let Err(TimedOut(said)) = answer
        && said != timeout
    {
        return Some(Finding::new(
            Clause::ReturnsByItsDeadline,
            format!(
                "{}, asked to give up after {}, answered Err(TimedOut({said:?})): a call that \
                 times out says so with the timeout it was given, \
                 Err(TimedOut({timeout:?})).",
                made.name(),
                human(timeout)
            ),
        ));
    }
    let took = made.took();
    if answer.is_err() && took < timeout {
        return Some(Finding::new(
            Clause::ReturnsByItsDeadline,
            format!(
                "{}, asked to give up after {}, answered {answer:?} after {}{}: {} before its \
                 deadline. A call that times out waits its whole time: a check of its own could \
                 still have passed (is the deadline counted from somewhere else, kept from an \
                 earlier call, or does a worker that stopped early count as a timeout?).",
                made.name(),
                human(timeout),
                human(took),
                rules.clock.on(),
                human(timeout - took),
            ),
        ));
    }
    late(rules, made)
}

/// A call came back later than the flavour allows past its deadline.
fn late(rules: &Rules, made: &Made) -> Option<Finding> {
    let Outcome::Answered(answer) = made.outcome else {
        return None;
    };
    let (timeout, took) = (made.call.timeout, made.took());
    let late = late_by(rules.clock, made);
    (late > rules.late).then(|| {
        Finding::new(
            Clause::ReturnsByItsDeadline,
            format!(
                "{}, asked to give up after {}, returned {answer:?} after {}{}: {} past its \
                 deadline{}. It waited for something after its deadline: a worker to end (a \
                 join?), a check to finish, a lock another call held, or more time than it \
                 was given?",
                made.name(),
                human(timeout),
                human(took),
                rules.clock.on(),
                human(late),
                match took.saturating_sub(timeout) - late {
                    stalled if stalled.is_zero() => String::new(),
                    stalled => format!(
                        " (and {} more in which this process did not run)",
                        human(stalled)
                    ),
                },
            ),
        )
    })
}

/// How late past its deadline a call came back, less what the machine took.
fn late_by(clock: Clock, made: &Made) -> Duration {
    let deadline = made.asked + made.call.timeout;
    made.took()
        .saturating_sub(made.call.timeout)
        .saturating_sub(clock.stalled(deadline, made.returned))
}

/// How late calls that timed out were, as one judgment over many calls of real time: a
/// busy machine makes a few calls late, a fix that waits after its deadline makes most.
pub(crate) fn lateness(made: &[Made], median_allowed: Duration) -> Option<Finding> {
    let mut late: Vec<Duration> = made
        .iter()
        .filter(|made| matches!(made.outcome, Outcome::Answered(Err(_))))
        .map(|made| late_by(Clock::Real, made))
        .collect();
    if late.len() < 10 {
        return None;
    }
    late.sort();
    let median = late[late.len() / 2];
    (median > median_allowed).then(|| {
        Finding::new(
            Clause::ReturnsByItsDeadline,
            format!(
                "Calls came back late: of {} calls that timed out, half were back more than {} \
                 after their deadline (the longest {}), where a fix is back within a \
                 millisecond or two (stretches in which this process did not run are not \
                 counted). Something waits after the deadline: a worker to end, a \
                 check to finish, or a lock that lets one call in at a time?",
                late.len(),
                human(median),
                human(late[late.len() - 1])
            ),
        )
    })
}

/// A call that said ready had a check of its own say so.
pub(crate) fn false_ready(rules: &Rules, made: &Made, checks: &[Check]) -> Option<Finding> {
    if made.outcome != Outcome::Answered(Ok(())) {
        return None;
    }
    if checks
        .iter()
        .any(|check| check.said_ready_by(made.returned))
    {
        return None;
    }
    Some(Finding::new(
        Clause::AnsweredReady,
        format!(
            "{} said ready after {}{}, yet no check had said ready by then{}: a call says \
             ready once a check of its own has passed, and only then. Is a channel that \
             closed, or a worker that gave up, read as \"ready\"?",
            made.name(),
            human(made.took()),
            rules.clock.on(),
            checks_so_far(checks, made.returned),
        ),
    ))
}

/// A call that said ready had a check that started after it was made say so: otherwise
/// the answer was meant for a call made before it.
fn stale(rules: &Rules, made: &Made, checks: &[Check]) -> Option<Finding> {
    if made.outcome != Outcome::Answered(Ok(())) {
        return None;
    }
    let said_ready = |check: &&Check| check.said_ready_by(made.returned);
    if checks
        .iter()
        .filter(said_ready)
        .any(|check| check.started >= made.asked)
    {
        return None;
    }
    let earlier = checks
        .iter()
        .filter(said_ready)
        .map(|check| check.started)
        .max()?;
    Some(Finding::new(
        Clause::NoAnswerMeantForAnother,
        format!(
            "{} said ready after {}{}, but every check that had said ready by then had \
             started before it was made (the last {} before): it took an answer meant for an \
             earlier call. A call's answer must come from a check that started after it \
             asked.",
            made.name(),
            human(made.took()),
            rules.clock.on(),
            human(made.asked - earlier),
        ),
    ))
}

/// A call that timed out had no answer of its own waiting: no check it started had said
/// ready before its deadline (by the flavour's margin) and before it answered. Judged of a
/// call that waited alone: beside other calls, a check that started while it waited may
/// be another call's.
fn missed(rules: &Rules, made: &Made, checks: &[Check], all: &[Made]) -> Option<Finding> {
    let Outcome::Answered(answer @ Err(_)) = made.outcome else {
        return None;
    };
    let alone = all.iter().all(|other| {
        other.call.id == made.call.id
            || other.returned <= made.asked
            || other.asked >= made.returned
    });
    if !alone {
        return None;
    }
    let deadline = made.asked + made.call.timeout;
    let said = checks
        .iter()
        .filter(|check| check.passes && check.answered && check.started >= made.asked)
        .filter_map(|check| check.finished)
        .filter(|&finished| {
            let busy = rules.clock.stalled(finished, deadline);
            finished <= made.returned && finished + rules.answer_margin + busy < deadline
        })
        .min()?;
    Some(Finding::new(
        Clause::AnsweredReady,
        format!(
            "{} answered {answer:?} after {}{}, though a check of its own had said ready {} \
             before its deadline: a call takes the answer it has before its deadline (is the \
             deadline looked at before the answer, or the answer only on a later tick?).",
            made.name(),
            human(made.took()),
            rules.clock.on(),
            human(deadline - said),
        ),
    ))
}

/// A call whose service was up long enough within its time, with nothing held, was
/// answered ready.
fn unanswered(rules: &Rules, made: &Made, service: &Service) -> Option<Finding> {
    let Outcome::Answered(answer @ Err(_)) = made.outcome else {
        return None;
    };
    // Within the call's whole time: a call that gave up early missed what came after.
    let deadline = made.asked + made.call.timeout;
    let (from, to) = service
        .up_within(made.asked, deadline)
        .into_iter()
        .find(|(from, to)| *to - *from >= rules.ready_window)?;
    Some(Finding::new(
        Clause::AnsweredReady,
        format!(
            "{}, given {}, answered {answer:?} after {}{}, though the service was up for {} of \
             its time, from {} after it asked: time for many checks (one a tick, every {}). \
             Does the worker stop after a check that failed, does another call stop it or \
             take its answer, or does the call give up early?",
            made.name(),
            human(made.call.timeout),
            human(made.took()),
            rules.clock.on(),
            human(to - from),
            human(from - made.asked),
            human(rules.tick),
        ),
    ))
}

/// In a steady stream (`Leftover::Steady`: a call with time enough waits while others come
/// and go, one after another from one caller), whether the service was checked more than
/// the calls waiting account for, once what the calls before had started had had `settle`
/// to stop: while the stream's last call waits beside the first (two calls), and after the
/// stream, while the first waits alone (one). Each call's workers may check `per_call`
/// times a `cycle`. Returns how many checks, how many were allowed, and over what stretch;
/// `None` when they were few, or the stretches too short to tell.
pub(crate) fn checked_beside_the_stream(
    made: &[Made],
    checks: &[Check],
    cycle: Duration,
    settle: Duration,
    per_call: usize,
) -> Option<(usize, usize, Duration)> {
    let long = made.iter().max_by_key(|made| made.call.timeout)?;
    let stream: Vec<&Made> = made
        .iter()
        .filter(|made| made.call.id != long.call.id)
        .collect();
    let last = stream.iter().max_by_key(|made| made.asked)?;
    let stream_end = stream.iter().map(|made| made.returned).max()?;
    let stretches = [
        (last.asked + settle, last.returned, 2),
        (stream_end + settle, long.returned, 1),
    ];
    stretches.into_iter().find_map(|(from, to, waiting)| {
        let to = to.checked_sub(cycle)?;
        if to <= from || to - from < cycle * 4 {
            return None;
        }
        let count = checks
            .iter()
            .filter(|check| check.started > from && check.started <= to)
            .count();
        let cycles = ((to - from).as_nanos() / cycle.as_nanos().max(1)) as usize + 1;
        let allowed = per_call * waiting * cycles;
        (count > allowed).then_some((count, allowed, to - from))
    })
}

/// What the checks had said by `at`, for a failure's words.
fn checks_so_far(checks: &[Check], at: Instant) -> String {
    let finished = checks
        .iter()
        .filter(|check| check.finished.is_some_and(|finished| finished <= at))
        .count();
    let passed = checks.iter().filter(|check| check.passes).count();
    match (checks.len(), finished) {
        (0, _) => " (no check had even started)".to_owned(),
        (started, 0) => format!(" ({started} checks had started, none had finished)"),
        (started, finished) if passed == 0 => format!(
            " ({started} checks had started and {finished} had finished, every one saying \
             not ready)"
        ),
        (started, finished) => {
            format!(" ({started} checks had started and {finished} had finished)")
        }
    }
}

/// What each call of a played schedule did, one line each, for a failure's words.
pub(crate) fn what_happened(made: &[Made], origin: Instant) -> String {
    let mut out = String::new();
    for made in made {
        let _ = write!(
            out,
            "  {} made at {}: ",
            made.name(),
            human(made.asked.saturating_duration_since(origin))
        );
        let _ = match made.outcome {
            Outcome::Answered(answer) => {
                writeln!(out, "{answer:?} after {}", human(made.took()))
            }
            Outcome::Dropped => writeln!(out, "dropped after {}", human(made.took())),
            Outcome::Panicked => writeln!(out, "panicked after {}", human(made.took())),
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const MS: Duration = Duration::from_millis(1);

    fn call(id: usize, timeout: Duration) -> Call {
        Call {
            id,
            caller: 0,
            timeout,
            dropped_after: None,
            answered_soon: false,
        }
    }

    fn made(t0: Instant, asked: u64, returned: u64, timeout: u64, ok: bool) -> Made {
        let timeout = MS * timeout as u32;
        Made {
            call: call(1, timeout),
            asked: t0 + MS * asked as u32,
            returned: t0 + MS * returned as u32,
            outcome: Outcome::Answered(if ok { Ok(()) } else { Err(TimedOut(timeout)) }),
        }
    }

    fn check(t0: Instant, started: u64, finished: u64, passes: bool) -> Check {
        Check {
            started: t0 + MS * started as u32,
            finished: Some(t0 + MS * finished as u32),
            passes,
            answered: true,
        }
    }

    fn rules() -> Rules {
        Rules {
            clock: Clock::Real,
            late: 250 * MS,
            ready_window: 20 * MS,
            tick: MS,
            answer_margin: 5 * MS,
        }
    }

    #[test]
    fn a_ready_from_a_check_started_before_the_call_is_an_earlier_calls() {
        let t0 = Instant::now();
        let call = made(t0, 10, 30, 100, true);
        let earlier = check(t0, 5, 20, true);
        let own = check(t0, 12, 25, true);
        let found = judge(
            Clause::NoAnswerMeantForAnother,
            &rules(),
            &[call],
            &[earlier],
            &Service::default(),
        );
        assert_eq!(found.unwrap().clause, Clause::NoAnswerMeantForAnother);
        assert!(
            judge(
                Clause::NoAnswerMeantForAnother,
                &rules(),
                &[call],
                &[earlier, own],
                &Service::default()
            )
            .is_none()
        );
    }

    #[test]
    fn a_ready_with_no_check_that_said_so_is_false() {
        let t0 = Instant::now();
        let call = made(t0, 0, 10, 10, true);
        let said_not_ready = check(t0, 1, 2, false);
        let found = judge(
            Clause::AnsweredReady,
            &rules(),
            &[call],
            &[said_not_ready],
            &Service::default(),
        )
        .unwrap();
        assert!(
            found.how.contains("none") || found.how.contains("not ready"),
            "{}",
            found.how
        );
        // Still finishing when the call answered: not said by then.
        let late_check = check(t0, 1, 11, true);
        assert!(
            judge(
                Clause::AnsweredReady,
                &rules(),
                &[call],
                &[late_check],
                &Service::default()
            )
            .is_some()
        );
    }

    #[test]
    fn a_timeout_while_the_service_was_up_long_enough_is_unanswered() {
        let t0 = Instant::now();
        let call = made(t0, 0, 100, 100, false);
        let up_late = Service {
            changes: vec![(t0, false, true), (t0 + 90 * MS, true, true)],
        };
        assert!(judge(Clause::AnsweredReady, &rules(), &[call], &[], &up_late).is_none());
        let up_early = Service {
            changes: vec![(t0, false, true), (t0 + 10 * MS, true, true)],
        };
        assert!(judge(Clause::AnsweredReady, &rules(), &[call], &[], &up_early).is_some());
        let up_but_held = Service {
            changes: vec![(t0, true, false), (t0 + 95 * MS, true, true)],
        };
        assert!(judge(Clause::AnsweredReady, &rules(), &[call], &[], &up_but_held).is_none());
    }

    #[test]
    fn a_call_late_past_the_allowance_or_naming_another_timeout_is_off_time() {
        let t0 = Instant::now();
        let on_time = made(t0, 0, 200, 10, false);
        assert!(
            judge(
                Clause::ReturnsByItsDeadline,
                &rules(),
                &[on_time],
                &[],
                &Service::default()
            )
            .is_none()
        );
        let late = made(t0, 0, 300, 10, false);
        assert!(
            judge(
                Clause::ReturnsByItsDeadline,
                &rules(),
                &[late],
                &[],
                &Service::default()
            )
            .is_some()
        );
        let mut other = made(t0, 0, 10, 10, false);
        other.outcome = Outcome::Answered(Err(TimedOut(Duration::from_secs(1))));
        assert!(
            judge(
                Clause::ReturnsByItsDeadline,
                &rules(),
                &[other],
                &[],
                &Service::default()
            )
            .is_some()
        );
    }

    #[test]
    fn a_timeout_before_the_deadline_is_off_time() {
        let t0 = Instant::now();
        let early = made(t0, 0, 8, 10, false);
        let found = judge(
            Clause::ReturnsByItsDeadline,
            &rules(),
            &[early],
            &[],
            &Service::default(),
        );
        assert!(found.unwrap().how.contains("before its deadline"));
        assert!(
            judge(
                Clause::ReturnsByItsDeadline,
                &rules(),
                &[made(t0, 0, 10, 10, false)],
                &[],
                &Service::default()
            )
            .is_none()
        );
    }

    #[test]
    fn a_timeout_with_an_answer_of_its_own_in_hand_missed_it() {
        let t0 = Instant::now();
        let call = made(t0, 0, 100, 100, false);
        let own = check(t0, 10, 50, true);
        assert!(
            judge(
                Clause::AnsweredReady,
                &rules(),
                &[call],
                &[own],
                &Service::default()
            )
            .is_some()
        );
        let too_late = check(t0, 10, 97, true);
        assert!(
            judge(
                Clause::AnsweredReady,
                &rules(),
                &[call],
                &[too_late],
                &Service::default()
            )
            .is_none()
        );
        let not_ready = check(t0, 10, 50, false);
        assert!(
            judge(
                Clause::AnsweredReady,
                &rules(),
                &[call],
                &[not_ready],
                &Service::default()
            )
            .is_none()
        );
        let earlier = check(t0, 0, 50, true);
        let call_later = made(t0, 1, 101, 100, false);
        assert!(
            judge(
                Clause::AnsweredReady,
                &rules(),
                &[call_later],
                &[earlier],
                &Service::default()
            )
            .is_none()
        );
    }

    #[test]
    fn most_calls_a_little_late_is_a_wait_after_the_deadline() {
        let t0 = Instant::now();
        let calls = |late: u64| -> Vec<Made> {
            (0..12).map(|_| made(t0, 0, 10 + late, 10, false)).collect()
        };
        assert!(lateness(&calls(2), 20 * MS).is_none());
        assert!(lateness(&calls(40), 20 * MS).is_some());
        assert!(
            lateness(&calls(40)[..5], 20 * MS).is_none(),
            "too few to judge"
        );
    }
}
