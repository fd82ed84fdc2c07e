//! The situations a clause puts a watcher in, made from a seed: calls that overlap or follow
//! one another, from one caller or many, with different deadlines, some dropped half-way
//! (futures only); a service that is up at once, comes up later, never does, or goes down
//! again; checks held or slow while deadlines pass.
//!
//! A schedule is a list of steps, each at a time from the schedule's start. A flavour's
//! runner plays it (tokio's paused clock for tasks, real time for threads) and the judge
//! reads what happened. A failure prints the seed and the schedule it played, and the same
//! seed plays the same schedules again.
//!
//! Why a seeded generator and not proptest: the thread flavours run in real time, where a
//! failure depends on the machine's timing, so shrinking would chase a moving target and
//! multiply the run's time; what a learner needs is the schedule, printed, and a seed that
//! repeats it. The schedules are made small first and larger after, so the first that fails
//! is already among the smallest.

use std::fmt::{self, Display};
use std::time::Duration;

use super::human;

/// The environment variable that sets the seed: `CONTRACT_SEED=42 cargo test ...`.
pub const SEED_ENV: &str = "CONTRACT_SEED";

/// The seed CI and `cargo test` use, so that a wrong fix fails the same way every run.
pub const FIXED_SEED: u64 = 20_261_206;

/// Where the schedules come from: [`SEED_ENV`], or [`FIXED_SEED`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seed(pub u64);

impl Seed {
    /// The seed [`SEED_ENV`] sets, or the fixed one; a value that is not a number is an
    /// error that says what to write instead.
    pub fn from_env() -> Result<Self, String> {
        match std::env::var(SEED_ENV) {
            Err(std::env::VarError::NotPresent) => Ok(Seed(FIXED_SEED)),
            Err(std::env::VarError::NotUnicode(value)) => Err(format!(
                "{SEED_ENV}={value:?} is not a number: set it to a number such as 42, or \
                 unset it for the fixed seed ({FIXED_SEED})"
            )),
            Ok(value) => Self::parse(&value).ok_or_else(|| {
                format!(
                    "{SEED_ENV}='{value}' is not a number: set it to a number such as 42 \
                     (or 0x2a), or unset it for the fixed seed ({FIXED_SEED})"
                )
            }),
        }
    }

    fn parse(value: &str) -> Option<Self> {
        let value = value.trim();
        let number = match value
            .strip_prefix("0x")
            .or_else(|| value.strip_prefix("0X"))
        {
            Some(hex) => u64::from_str_radix(hex, 16).ok()?,
            None => value.parse().ok()?,
        };
        Some(Seed(number))
    }

    /// The random stream for one use of the seed (a clause, a flavour), independent of
    /// the others.
    pub(crate) fn stream(self, salt: &str) -> fastrand::Rng {
        // FNV-1a of the salt: stable across runs and platforms, unlike std's hasher.
        let salt = salt.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        });
        fastrand::Rng::with_seed(self.0 ^ salt)
    }
}

impl Display for Seed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == FIXED_SEED {
            write!(f, "the fixed seed {}", self.0)
        } else {
            write!(f, "seed {} ({SEED_ENV}={} repeats it)", self.0, self.0)
        }
    }
}

/// One step of a schedule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Step {
    /// A call starts.
    Call(Call),
    /// The service comes up: checks that start from now on say "ready".
    Up,
    /// The service goes down: checks that start from now on say "not ready".
    Down,
    /// The service is up for one check: the next to start says "ready", every later one
    /// "not ready".
    UpForOneCheck,
    /// Checks are held at the probe's gate: a check under way does not finish (threads).
    Hold,
    /// Held checks are let through, and every check from now on.
    Release,
}

/// A call as the schedule makes it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Call {
    /// Its number in the schedule, from 1.
    pub(crate) id: usize,
    /// Which caller makes it: a caller's calls run one after another, on one thread (a
    /// call starts when it is due and its caller's previous call has returned).
    pub(crate) caller: usize,
    /// The timeout it asks for.
    pub(crate) timeout: Duration,
    /// Futures only: the caller stops waiting after this long and drops the call.
    pub(crate) dropped_after: Option<Duration>,
    /// Whether the runner waits for its answer only a short while, as for a call the
    /// service should answer at once, however long its timeout (one hour).
    pub(crate) answered_soon: bool,
}

/// A step at its time from the schedule's start.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Timed {
    pub(crate) at: Duration,
    pub(crate) step: Step,
}

/// A schedule: the situation in words, how long each check takes, and its steps.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Schedule {
    pub(crate) situation: String,
    /// How long one check takes once it may go through.
    pub(crate) check_takes: Duration,
    /// The steps, in order of time.
    pub(crate) steps: Vec<Timed>,
}

impl Schedule {
    pub(crate) fn calls(&self) -> impl Iterator<Item = &Call> {
        self.steps.iter().filter_map(|timed| match &timed.step {
            Step::Call(call) => Some(call),
            _ => None,
        })
    }

    /// The number of callers its calls use.
    pub(crate) fn callers(&self) -> usize {
        self.calls().map(|call| call.caller + 1).max().unwrap_or(0)
    }

    fn sorted(mut self) -> Self {
        self.steps.sort_by_key(|timed| timed.at);
        let mut id = 0;
        for timed in &mut self.steps {
            if let Step::Call(call) = &mut timed.step {
                id += 1;
                call.id = id;
            }
        }
        self
    }
}

/// Callers are letters in a printed schedule.
pub(crate) fn caller_name(caller: usize) -> char {
    char::from(b'A' + (caller % 26) as u8)
}

impl Display for Schedule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let takes = if self.check_takes.is_zero() {
            "no time".to_owned()
        } else {
            human(self.check_takes)
        };
        writeln!(f, "{}; a check takes {takes}:", self.situation)?;
        for Timed { at, step } in &self.steps {
            write!(f, "  at {:>6}  ", human(*at))?;
            match step {
                Step::Call(call) => {
                    write!(
                        f,
                        "call {} (caller {}) with a timeout of {}",
                        call.id,
                        caller_name(call.caller),
                        human(call.timeout)
                    )?;
                    if let Some(after) = call.dropped_after {
                        write!(f, ", dropped after {}", human(after))?;
                    }
                }
                Step::Up => f.write_str("the service comes up")?,
                Step::Down => f.write_str("the service goes down")?,
                Step::UpForOneCheck => f.write_str("the service is up for one check")?,
                Step::Hold => f.write_str("checks are held (they do not finish)")?,
                Step::Release => f.write_str("held checks are let through")?,
            }
            writeln!(f)?;
        }
        Ok(())
    }
}

/// The times a flavour plays schedules at.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scale {
    /// The watcher's tick.
    pub(crate) tick: Duration,
    /// A check of a service that answers promptly.
    pub(crate) quick_check: Duration,
    /// A check of a service that is down for good (`Leftover::TimedOutNever`,
    /// `DroppedNever`): on real time it fails at once, as a refused connection does.
    pub(crate) down_check: Duration,
    /// Whether checks can be held at a gate (real time); otherwise a slow check stands in
    /// for a held one (paused time).
    pub(crate) can_hold: bool,
    /// A check that takes far longer than any short timeout, where checks cannot be held.
    pub(crate) slow_check: Duration,
    /// Timeouts a deadline wins against.
    pub(crate) short: [Duration; 4],
    /// A timeout long enough for an answer: many checks' worth.
    pub(crate) long: Duration,
    /// Whether a call is a future the caller can drop.
    pub(crate) can_drop: bool,
    /// How many callers a schedule may use.
    pub(crate) callers: usize,
}

impl Scale {
    fn short(&self, rng: &mut fastrand::Rng) -> Duration {
        self.short[rng.usize(..self.short.len())]
    }

    /// How long a quick check takes in one schedule: on the paused clock, off the ticks'
    /// grid by up to a tick, so that an answer can come between two ticks, just before a
    /// deadline (every timeout is on the grid).
    fn quick(&self, rng: &mut fastrand::Rng) -> Duration {
        if self.can_hold {
            self.quick_check
        } else {
            self.quick_check + self.tick * rng.u32(..10) / 10
        }
    }

    fn longest_short(&self) -> Duration {
        self.short.iter().copied().max().unwrap_or_default()
    }

    /// How long a check takes in a steady stream (`Leftover::Steady`). On real time, twice
    /// the stream's longer timeout: each call's worker is still in its check when its call
    /// gives up, and next looks for its reason to stop while a later call waits. With quick
    /// checks a worker looks every tick, and on a busy machine, whose gaps between one call
    /// and the next grow to a tick or more, a flag the calls share is seen raised in a gap
    /// often enough that the workers it keeps alive never pile up. The paused clock has no
    /// such gaps.
    fn steady_check(&self) -> Duration {
        if self.can_hold {
            self.short[1] * 2
        } else {
            self.quick_check
        }
    }

    /// How long the stream's last call waits, while what the calls before it started is
    /// counted: on real time, eight of its checks (time to settle, and four checks' worth
    /// to count over).
    fn steady_last_wait(&self) -> Duration {
        if self.can_hold {
            self.steady_check() * 8
        } else {
            self.longest_short() * 3
        }
    }

    /// A moment within `span` from `from`, in whole ticks.
    fn within(&self, rng: &mut fastrand::Rng, from: Duration, span: Duration) -> Duration {
        let ticks = (span.as_nanos() / self.tick.as_nanos().max(1)) as u64;
        from + self.tick * rng.u64(..=ticks) as u32
    }

    /// How long a check takes where the deadline must win: held (the steps hold and
    /// release the gate), or slow.
    fn held_check(&self) -> Duration {
        if self.can_hold {
            self.quick_check
        } else {
            self.slow_check
        }
    }
}

/// Builds a schedule step by step.
struct Builder<'a> {
    scale: &'a Scale,
    steps: Vec<Timed>,
}

impl<'a> Builder<'a> {
    fn new(scale: &'a Scale) -> Self {
        Self {
            scale,
            steps: Vec::new(),
        }
    }

    fn at(&mut self, at: Duration, step: Step) -> &mut Self {
        self.steps.push(Timed { at, step });
        self
    }

    fn call(&mut self, at: Duration, caller: usize, timeout: Duration) -> &mut Self {
        self.at(
            at,
            Step::Call(Call {
                id: 0,
                caller,
                timeout,
                dropped_after: None,
                answered_soon: false,
            }),
        )
    }

    fn dropped_call(&mut self, at: Duration, caller: usize, timeout: Duration, after: Duration) {
        self.at(
            at,
            Step::Call(Call {
                id: 0,
                caller,
                timeout,
                dropped_after: Some(after),
                answered_soon: false,
            }),
        );
    }

    fn answered_soon(&mut self, at: Duration, caller: usize, timeout: Duration) {
        self.at(
            at,
            Step::Call(Call {
                id: 0,
                caller,
                timeout,
                dropped_after: None,
                answered_soon: true,
            }),
        );
    }

    fn hold_if_held(&mut self) {
        if self.scale.can_hold {
            self.at(Duration::ZERO, Step::Hold);
        }
    }

    fn done(self, situation: impl Into<String>, check_takes: Duration) -> Schedule {
        Schedule {
            situation: situation.into(),
            check_takes,
            steps: self.steps,
        }
        .sorted()
    }
}

/// How many calls the `n`-th schedule of a run may make: small first, larger later.
fn size(n: usize, most: usize) -> usize {
    (1 + n / 3).min(most)
}

/// For [a call returns by its deadline](super::Clause::ReturnsByItsDeadline): calls that
/// must time out, because their checks cannot finish in time (held, or slow) or the
/// service never comes up; they overlap, on one caller or several, with different
/// timeouts, and some are dropped (futures).
pub(crate) fn deadlines(scale: &Scale, rng: &mut fastrand::Rng, n: usize) -> Schedule {
    let quick = scale.quick(rng);
    let mut b = Builder::new(scale);
    if n % 2 == 1 {
        // Every other schedule makes its calls all at once, each from a caller of its
        // own, with the same timeout: calls that wait on one another (a lock, a queue)
        // come back late, one after another.
        let calls = (2 + n / 2).min(scale.callers);
        let timeout = scale.longest_short();
        for caller in 0..calls {
            b.call(Duration::ZERO, caller, timeout);
        }
    } else {
        let calls = 1 + rng.usize(..size(n, 10));
        let callers = 1 + rng.usize(..calls.min(scale.callers));
        let spread = scale.longest_short() * 2;
        for _ in 0..calls {
            let at = scale.within(rng, Duration::ZERO, spread);
            let (caller, timeout) = (rng.usize(..callers), scale.short(rng));
            if scale.can_drop && rng.u8(..5) == 0 {
                b.dropped_call(at, caller, timeout, timeout / 2);
            } else {
                b.call(at, caller, timeout);
            }
        }
    }
    let (situation, takes) = if rng.bool() {
        b.hold_if_held();
        b.at(Duration::ZERO, Step::Up);
        (
            "the service is slow: no check finishes in time",
            scale.held_check(),
        )
    } else {
        b.at(Duration::ZERO, Step::Down);
        b.at(Duration::ZERO, Step::Release);
        ("the service never comes up", quick)
    };
    b.done(situation, takes)
}

/// For [a call is answered ready once its own check passes](super::Clause::AnsweredReady):
/// calls with time enough for an answer beside calls that time out, overlapping, while the
/// service is up at once, comes up later, goes down and up again, or never comes up (then
/// only calls that time out: no call may say ready).
pub(crate) fn answers(scale: &Scale, rng: &mut fastrand::Rng, n: usize) -> Schedule {
    let quick = scale.quick(rng);
    let mut b = Builder::new(scale);
    let calls = 1 + rng.usize(..size(n, 8));
    let callers = 1 + rng.usize(..calls.min(scale.callers));
    let spread = scale.longest_short() * 2;
    let later = scale.within(rng, scale.tick, scale.longest_short() * 2);
    let situation = match rng.u8(..5) {
        0 => {
            b.at(Duration::ZERO, Step::Up)
                .at(Duration::ZERO, Step::Release);
            "the service is up at once"
        }
        1 => {
            // A call that times out beside one that waits on: nothing the first leaves
            // behind (a stop, a "done") may keep the second from its answer.
            let short = scale.short(rng);
            let later = short + scale.within(rng, scale.tick, scale.longest_short());
            b.at(Duration::ZERO, Step::Down)
                .at(Duration::ZERO, Step::Release)
                .at(later, Step::Up);
            b.call(Duration::ZERO, 0, scale.long);
            b.call(Duration::ZERO, 1.min(scale.callers - 1), short);
            // And another that waits with the first, so that their answers come together:
            // neither may take, or throw away, the other's.
            b.call(scale.tick, 2.min(scale.callers - 1), scale.long);
            "the service comes up later, after a call beside others has timed out"
        }
        2 => {
            let again = later + scale.within(rng, scale.tick, scale.longest_short());
            b.at(Duration::ZERO, Step::Up)
                .at(Duration::ZERO, Step::Release)
                .at(later, Step::Down)
                .at(again, Step::Up);
            "the service goes down, and comes up again"
        }
        3 if scale.can_hold => {
            b.at(Duration::ZERO, Step::Up)
                .at(Duration::ZERO, Step::Hold)
                .at(later, Step::Release);
            "the service is slow at first: checks are held, then let through"
        }
        _ => {
            // Nothing may say ready: every call times out (a dropped one is dropped first).
            // Many calls, each from a caller of its own: a worker that gives up at its
            // deadline, and closes its channel, races its caller's timer at each one.
            b.at(Duration::ZERO, Step::Down)
                .at(Duration::ZERO, Step::Release);
            let calls = calls.max(6);
            let callers = calls.min(scale.callers);
            for _ in 0..calls {
                let at = scale.within(rng, Duration::ZERO, spread);
                let (caller, timeout) = (rng.usize(..callers), scale.short(rng));
                if scale.can_drop && rng.u8(..4) == 0 {
                    b.dropped_call(at, caller, timeout, timeout / 2);
                } else {
                    b.call(at, caller, timeout);
                }
            }
            return b.done("the service never comes up", quick);
        }
    };
    for _ in 0..calls {
        let at = scale.within(rng, Duration::ZERO, spread);
        let caller = rng.usize(..callers);
        match rng.u8(..4) {
            0 => b.call(at, caller, scale.short(rng)),
            1 if scale.can_drop => {
                let timeout = scale.short(rng);
                b.dropped_call(at, caller, timeout, timeout / 2);
                &mut b
            }
            _ => b.call(at, caller, scale.long),
        };
    }
    b.done(situation, quick)
}

/// For [a call never takes an answer meant for another
/// call](super::Clause::NoAnswerMeantForAnother): earlier calls time out while their
/// checks, settled to say "ready", cannot finish (held, or slow); then the service goes
/// down for good, and later calls, from the same callers or others, wait while those
/// checks finish. Any "ready" a later call gets is an earlier call's. `waits` is how long
/// a later call waits where checks are held (a try that could not deliver the earlier
/// answers while a later call waited is played again with a longer wait).
pub(crate) fn stale_answers(
    scale: &Scale,
    rng: &mut fastrand::Rng,
    n: usize,
    waits: Duration,
) -> Schedule {
    match rng.u8(..4) {
        0 => return answered_then_down(scale, rng, n),
        1 => return overtaken(scale, rng, n, waits),
        _ => {}
    }
    let mut b = Builder::new(scale);
    let earlier = 1 + rng.usize(..size(n, 4));
    let callers = 1 + rng.usize(..earlier.min(scale.callers));
    b.hold_if_held();
    b.at(Duration::ZERO, Step::Up);
    let mut last_deadline = Duration::ZERO;
    for _ in 0..earlier {
        let at = scale.within(rng, Duration::ZERO, scale.longest_short());
        let timeout = scale.short(rng);
        b.call(at, rng.usize(..callers), timeout);
        last_deadline = last_deadline.max(at + timeout);
    }
    let down = last_deadline + scale.tick;
    b.at(down, Step::Down);
    let start = down + scale.tick;
    let timeout = if scale.can_hold {
        waits
    } else {
        // The earlier checks finish one slow check after they started: wait past that.
        scale.slow_check * 2
    };
    later_calls(&mut b, rng, callers, start, timeout);
    if scale.can_hold {
        // The held checks are let through once the later calls are waiting.
        b.at(start + scale.tick * 3, Step::Release);
    }
    b.done(
        "earlier calls time out with their checks under way; the service goes down for good",
        scale.held_check(),
    )
}

/// The other shape of a stale answer: earlier calls are answered, the service goes down
/// for good, and later calls wait. What told the earlier calls "ready" must not tell the
/// later ones.
fn answered_then_down(scale: &Scale, rng: &mut fastrand::Rng, n: usize) -> Schedule {
    let quick = scale.quick(rng);
    let mut b = Builder::new(scale);
    let earlier = 1 + rng.usize(..size(n, 3));
    let callers = 1 + rng.usize(..earlier.min(scale.callers));
    b.at(Duration::ZERO, Step::Up)
        .at(Duration::ZERO, Step::Release);
    for _ in 0..earlier {
        let at = scale.within(rng, Duration::ZERO, scale.tick * 3);
        b.call(at, rng.usize(..callers), scale.long);
    }
    // Time for the earlier calls to be answered: a check and a few ticks.
    let down = quick * 2 + scale.tick * 10 + scale.longest_short();
    b.at(down, Step::Down);
    let start = down + scale.tick;
    let timeout = scale.short(rng);
    later_calls(&mut b, rng, callers, start, timeout);
    b.done(
        "earlier calls are answered; the service goes down for good",
        quick,
    )
}

/// The third shape: earlier calls still wait, with time enough, while their checks (settled
/// to say "ready") cannot finish; the service goes down for good, later calls ask, and the
/// checks finish while all wait. The earlier calls may say ready (the answers are theirs);
/// the later ones must not.
fn overtaken(scale: &Scale, rng: &mut fastrand::Rng, n: usize, waits: Duration) -> Schedule {
    let mut b = Builder::new(scale);
    let earlier = 1 + rng.usize(..size(n, 3));
    let callers = 1 + rng.usize(..earlier.min(scale.callers));
    b.hold_if_held();
    b.at(Duration::ZERO, Step::Up);
    for _ in 0..earlier {
        let at = scale.within(rng, Duration::ZERO, scale.tick * 3);
        b.call(at, rng.usize(..callers), scale.long);
    }
    // Their first checks are under way (held, or slow) by then.
    let down = scale.tick * 5 + scale.quick_check;
    b.at(down, Step::Down);
    let start = down + scale.tick;
    let timeout = if scale.can_hold {
        waits
    } else {
        scale.slow_check * 2
    };
    later_calls(&mut b, rng, callers, start, timeout);
    if scale.can_hold {
        b.at(start + scale.tick * 3, Step::Release);
    }
    b.done(
        "earlier calls wait, with their checks under way, while later ones ask; the service \
         goes down for good",
        scale.held_check(),
    )
}

/// One to three later calls at `start`, each from the caller of an earlier call (what one
/// thread keeps, it keeps across its calls) or from one of its own.
fn later_calls(
    b: &mut Builder<'_>,
    rng: &mut fastrand::Rng,
    callers: usize,
    start: Duration,
    timeout: Duration,
) {
    for _ in 0..1 + rng.usize(..3) {
        let caller = if rng.bool() {
            rng.usize(..callers)
        } else {
            (callers + rng.usize(..2)).min(b.scale.callers - 1)
        };
        b.call(start, caller, timeout);
    }
}

/// The situations [nothing a call starts outlives it](super::Clause::LeavesNothingBehind)
/// plays, each in two batches on one watcher: a few calls, then more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Leftover {
    /// The calls time out: their checks cannot finish in time.
    TimedOutSlow,
    /// The calls time out: the service never comes up.
    TimedOutNever,
    /// The calls are answered at once, with an hour to spare.
    AnsweredEarly,
    /// The calls are answered on a later check.
    AnsweredLater,
    /// The calls are answered, and then the service goes down for good.
    AnsweredThenDown,
    /// Each call is answered by the one check that passes, the service down again after
    /// it: what else it started goes on failing, and must stop with the call.
    AnsweredOnce,
    /// Calls come one after another while a call with more time waits all along: each
    /// one's workers must end with it, not when nobody waits any more.
    Steady,
    /// The callers drop the calls half-way to their deadline (futures), while the
    /// service is slow.
    DroppedSlow,
    /// The same, while the service never comes up.
    DroppedNever,
}

impl Leftover {
    /// Every situation a flavour can play, the ones whose leftovers show first in the
    /// learner's own code first.
    pub(crate) fn all(scale: &Scale) -> Vec<Leftover> {
        let mut all = vec![
            Leftover::TimedOutSlow,
            Leftover::TimedOutNever,
            Leftover::AnsweredEarly,
            Leftover::AnsweredLater,
            Leftover::AnsweredThenDown,
            Leftover::AnsweredOnce,
            Leftover::Steady,
        ];
        if scale.can_drop {
            all.extend([Leftover::DroppedNever, Leftover::DroppedSlow]);
        }
        all
    }

    /// Whether a quick sweep plays it (real time is dear there): a call that times out
    /// on a slow service, one answered with an hour to spare, and a dropped one.
    pub(crate) fn in_a_sweep(self) -> bool {
        matches!(
            self,
            Leftover::TimedOutSlow | Leftover::AnsweredEarly | Leftover::DroppedNever
        )
    }

    /// Whether its calls are dropped: what they started may run until their deadline.
    pub(crate) fn dropped(self) -> bool {
        matches!(self, Leftover::DroppedSlow | Leftover::DroppedNever)
    }

    /// What the calls of this situation did, for a report: "timed out while ...".
    pub(crate) fn what(self) -> &'static str {
        match self {
            Leftover::TimedOutSlow => "timed out while the service was slow to answer",
            Leftover::TimedOutNever => "timed out while the service never came up",
            Leftover::AnsweredEarly => "were answered at once, with an hour to spare",
            Leftover::AnsweredLater => "were answered on a later check",
            Leftover::AnsweredThenDown => {
                "were answered, after which the service went down for good"
            }
            Leftover::AnsweredOnce => {
                "were each answered by the one check that passed, the service down again after it"
            }
            Leftover::Steady => {
                "came one after another and timed out while a call with more time waited all \
                 along"
            }
            Leftover::DroppedSlow => {
                "were dropped by their caller half-way to their deadline, while the service was \
                 slow to answer"
            }
            Leftover::DroppedNever => {
                "were dropped by their caller half-way to their deadline, while the service \
                 never came up"
            }
        }
    }

    /// The first steps of a batch: how the service starts, and how long a check takes.
    fn opening(self, scale: &Scale) -> (Vec<Timed>, Duration) {
        let at = |step| Timed {
            at: Duration::ZERO,
            step,
        };
        match self {
            Leftover::TimedOutSlow | Leftover::DroppedSlow if scale.can_hold => {
                (vec![at(Step::Up), at(Step::Hold)], scale.quick_check)
            }
            Leftover::TimedOutSlow | Leftover::DroppedSlow => {
                (vec![at(Step::Up), at(Step::Release)], scale.slow_check)
            }
            Leftover::TimedOutNever | Leftover::DroppedNever => {
                (vec![at(Step::Down), at(Step::Release)], scale.down_check)
            }
            Leftover::AnsweredEarly | Leftover::AnsweredThenDown => {
                (vec![at(Step::Up), at(Step::Release)], scale.quick_check)
            }
            Leftover::AnsweredLater | Leftover::AnsweredOnce => {
                (vec![at(Step::Down), at(Step::Release)], scale.quick_check)
            }
            Leftover::Steady => (
                vec![at(Step::Down), at(Step::Release)],
                scale.steady_check(),
            ),
        }
    }

    /// One batch of `calls` calls, on the callers below `callers`.
    pub(crate) fn batch(
        self,
        scale: &Scale,
        rng: &mut fastrand::Rng,
        calls: usize,
        callers: usize,
    ) -> Schedule {
        let mut b = Builder::new(scale);
        let spread = scale.tick * 5;
        let (opening, takes) = self.opening(scale);
        b.steps.extend(opening);
        match self {
            Leftover::AnsweredLater => {
                b.at(scale.within(rng, scale.tick, spread), Step::Up);
            }
            Leftover::AnsweredOnce => {
                // One call: a check left over from an earlier call could take the one check
                // that passes.
                b.at(Duration::ZERO, Step::UpForOneCheck);
                b.answered_soon(Duration::ZERO, rng.usize(..callers), HOUR);
                return b.done(self.what(), takes);
            }
            Leftover::Steady => {
                // A call with time enough for the whole stream and for watching it after
                // (twenty of the longest short timeouts), and the stream, one call after
                // another from one caller: long enough that what a fix lets pile up from
                // call to call (a flag one thread shares, say) has piled up.
                b.call(Duration::ZERO, 0, scale.longest_short() * 20);
                for _ in 0..calls + 16 {
                    b.call(scale.tick, 1, scale.short[rng.usize(..2)]);
                }
                // The stream's last call waits longest: what the calls before it started
                // is counted while it waits.
                b.call(scale.tick, 1, scale.steady_last_wait());
                return b.done(self.what(), takes);
            }
            _ => {}
        }
        for _ in 0..calls {
            let at = scale.within(rng, Duration::ZERO, spread);
            let caller = rng.usize(..callers);
            match self {
                Leftover::TimedOutSlow | Leftover::TimedOutNever => {
                    b.call(at, caller, scale.short(rng));
                }
                Leftover::AnsweredEarly
                | Leftover::AnsweredLater
                | Leftover::AnsweredThenDown
                | Leftover::AnsweredOnce
                | Leftover::Steady => {
                    b.answered_soon(at, caller, HOUR);
                }
                Leftover::DroppedSlow | Leftover::DroppedNever => {
                    let timeout = scale.short(rng);
                    b.dropped_call(at, caller, timeout, timeout / 2);
                }
            }
        }
        b.done(self.what(), takes)
    }
}

/// The timeout of a call answered at once: an hour, so that whatever lingers until its
/// call's deadline is still there when the verdict comes.
pub(crate) const HOUR: Duration = Duration::from_secs(3600);

#[cfg(test)]
mod tests {
    use super::*;

    fn scale(can_hold: bool) -> Scale {
        Scale {
            tick: Duration::from_millis(1),
            quick_check: Duration::ZERO,
            down_check: Duration::ZERO,
            can_hold,
            slow_check: Duration::from_secs(10),
            short: [5, 10, 15, 20].map(Duration::from_millis),
            long: Duration::from_secs(2),
            can_drop: !can_hold,
            callers: 6,
        }
    }

    #[test]
    fn a_seed_plays_the_same_schedules_and_another_seed_others() {
        let play = |seed: u64| -> Vec<Schedule> {
            let mut rng = Seed(seed).stream("answers");
            (0..20)
                .map(|n| answers(&scale(true), &mut rng, n))
                .collect()
        };
        assert_eq!(play(7), play(7));
        assert_ne!(play(7), play(8));
    }

    #[test]
    fn a_seed_reads_as_decimal_or_hex_and_anything_else_is_refused() {
        assert_eq!(Seed::parse("42"), Some(Seed(42)));
        assert_eq!(Seed::parse(" 0x2a "), Some(Seed(42)));
        assert_eq!(Seed::parse("forty-two"), None);
        assert_eq!(Seed::parse("-1"), None);
    }

    #[test]
    fn schedules_start_small_and_number_their_calls_in_order() {
        let mut rng = Seed(1).stream("deadlines");
        let first = deadlines(&scale(true), &mut rng, 0);
        assert_eq!(first.calls().count(), 1);
        let big = deadlines(&scale(true), &mut rng, 30);
        let ids: Vec<usize> = big.calls().map(|call| call.id).collect();
        assert_eq!(ids, (1..=ids.len()).collect::<Vec<_>>());
        assert!(big.steps.windows(2).all(|w| w[0].at <= w[1].at));
    }

    #[test]
    fn a_printed_schedule_names_its_situation_and_every_call() {
        let mut rng = Seed(3).stream("stale");
        let schedule = stale_answers(&scale(true), &mut rng, 6, Duration::from_millis(15));
        let text = schedule.to_string();
        assert!(text.starts_with("earlier calls "), "{text}");
        for call in schedule.calls() {
            assert!(
                text.contains(&format!("call {} (caller", call.id)),
                "{text}"
            );
        }
        assert!(text.contains("the service goes down"), "{text}");
    }

    #[test]
    fn later_calls_wait_on_a_caller_of_an_earlier_call_or_one_of_their_own() {
        let mut same = 0;
        for n in 0..60 {
            let mut rng = Seed(n).stream("stale");
            let schedule = stale_answers(&scale(true), &mut rng, n as usize, Duration::ZERO);
            let down = schedule
                .steps
                .iter()
                .find(|timed| timed.step == Step::Down)
                .unwrap()
                .at;
            let (earlier, later): (Vec<&Timed>, Vec<&Timed>) = schedule
                .steps
                .iter()
                .filter(|timed| matches!(timed.step, Step::Call(_)))
                .partition(|timed| timed.at < down);
            let caller = |timed: &&Timed| match timed.step {
                Step::Call(call) => call.caller,
                _ => unreachable!(),
            };
            if later
                .iter()
                .any(|l| earlier.iter().any(|e| caller(e) == caller(l)))
            {
                same += 1;
            }
        }
        assert!(same > 10 && same < 60, "{same} of 60 reuse a caller");
    }
}
