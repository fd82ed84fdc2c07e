//! The [contract](super), thread flavour: `new(probe, tick)` and a blocking
//! `wait_ready(&self, timeout)`, called on real threads.
//!
//! Real time cannot be paused, so the checks make the deadline win by holding the
//! probe's checks at a [`Gate`](crate::Gate), never by racing the clock, and a deadline
//! is measured with a margin for a busy machine.

use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use checker::{Options, ThreadSnapshot};
use crossbeam_channel::RecvTimeoutError;

use super::{Clause, HANG_LIMIT, broke, human};
use crate::{Probe, TimedOut};

/// The watcher's ticker in these checks.
pub const TICK: Duration = Duration::from_millis(1);

/// How long a call waits in the checks where the deadline must win.
const TIMEOUT: Duration = Duration::from_millis(10);

/// How late past its deadline a call may return on a busy machine: the scheduler, not
/// the fix, decides the last few milliseconds. A call that waits for a worker to end, or
/// for an answer after its deadline, is late by far more, or never returns.
const LATE_MARGIN: Duration = Duration::from_millis(250);

/// How long a call that should be answered is given: far more than the few ticks its
/// checks need, so that only a call that is never answered waits it out.
const TIME_ENOUGH: Duration = Duration::from_secs(2);

/// How many calls are made at the same time where calls overlap.
const AT_ONCE: usize = 5;

/// How long a verdict waits for workers on their way out: a clean verdict comes as soon
/// as they are gone, so only a leak waits for all of it.
pub(crate) const THREAD_DEADLINE: Duration = Duration::from_secs(2);

/// A call's result and how long it took.
type Timed = (Result<(), TimedOut>, Duration);

/// The calls of one check: the watcher, shared with the threads that call it, and what
/// the check is about, for its failure messages.
struct Calls<W, C> {
    file: String,
    clause: Clause,
    watcher: Arc<W>,
    call: C,
}

impl<W, C> Calls<W, C>
where
    W: Send + Sync + 'static,
    C: Fn(&W, Duration) -> Result<(), TimedOut> + Copy + Send + 'static,
{
    fn new(file: &str, clause: Clause, watcher: W, call: C) -> Self {
        Self {
            file: file.to_owned(),
            clause,
            watcher: Arc::new(watcher),
            call,
        }
    }

    /// Starts a call on a thread of its own.
    fn start(&self, timeout: Duration) -> Pending {
        let deadline = Instant::now() + timeout;
        let (done_tx, done) = crossbeam_channel::bounded(1);
        let (watcher, call) = (Arc::clone(&self.watcher), self.call);
        let thread = thread::Builder::new()
            .name(CALLER.to_owned())
            .spawn(move || {
                let asked = Instant::now();
                let answer = call(&watcher, timeout);
                let _ = done_tx.send((answer, asked.elapsed()));
            })
            .expect("the OS refused to start a thread");
        Pending {
            timeout,
            deadline,
            done,
            thread,
        }
    }

    /// Makes one call and waits for it, failing the check if it hangs.
    fn make(&self, timeout: Duration, waiting_for: &str) -> Timed {
        self.start(timeout).wait(self, waiting_for)
    }

    /// Makes `count` calls at the same time and waits for them all.
    fn make_at_once(&self, count: usize, timeout: Duration, waiting_for: &str) -> Vec<Timed> {
        let pending: Vec<Pending> = (0..count).map(|_| self.start(timeout)).collect();
        pending
            .into_iter()
            .map(|call| call.wait(self, waiting_for))
            .collect()
    }

    fn broke(&self, how: impl std::fmt::Display) -> ! {
        broke(&self.file, self.clause, how)
    }
}

/// The name of the threads the checks make their calls on.
const CALLER: &str = "contract-call";

/// A call under way on a thread of its own.
struct Pending {
    timeout: Duration,
    /// When the call must have given up at the latest: taken before the call starts, so
    /// that it is never later than the call's own.
    deadline: Instant,
    done: crossbeam_channel::Receiver<Timed>,
    /// Joined once the call has returned: the thread ends right after, so that no
    /// caller thread is alive when a check counts threads.
    thread: thread::JoinHandle<()>,
}

impl Pending {
    /// The call's result, once it returns; fails the check when the call has not
    /// returned [`HANG_LIMIT`] after its deadline.
    fn wait<W, C>(self, calls: &Calls<W, C>, waiting_for: &str) -> Timed
    where
        W: Send + Sync + 'static,
        C: Fn(&W, Duration) -> Result<(), TimedOut> + Copy + Send + 'static,
    {
        match self.done.recv_timeout(self.timeout + HANG_LIMIT) {
            Ok(timed) => {
                let _ = self.thread.join();
                timed
            }
            Err(RecvTimeoutError::Timeout) => calls.broke(format_args!(
                "A call asked to give up after {} had not returned {} later, while {waiting_for}. \
                 It waits for something that does not come: a worker that does not stop (a \
                 join?), or an answer after its deadline.",
                human(self.timeout),
                human(self.timeout + HANG_LIMIT),
            )),
            Err(RecvTimeoutError::Disconnected) => calls.broke(format_args!(
                "A call panicked (its message is above) while {waiting_for}."
            )),
        }
    }
}

/// Every clause, side by side: see [`side_by_side`](super::side_by_side).
pub fn the_whole_contract<W, N, C>(file: impl AsRef<str>, new: N, call: C)
where
    W: Send + Sync + 'static,
    N: Fn(Probe, Duration) -> W + Sync,
    C: Fn(&W, Duration) -> Result<(), TimedOut> + Copy + Send + Sync + 'static,
{
    let (file, new) = (file.as_ref(), &new);
    super::side_by_side(
        &|| nothing_a_call_starts_outlives_it(file, new, call),
        &[
            &|| a_call_returns_by_its_deadline(file, new, call),
            &|| a_call_is_answered_ready_once_its_check_passes(file, new, call),
            &|| a_call_never_takes_an_answer_meant_for_another(file, new, call),
        ],
    );
}

/// A call returns by its deadline, whatever the service does: when its checks are held
/// and never finish, and when every check says "not ready". One call, then several at once,
/// on a watcher for each service (the two side by side).
pub fn a_call_returns_by_its_deadline<W, N, C>(file: impl AsRef<str>, new: N, call: C)
where
    W: Send + Sync + 'static,
    N: Fn(Probe, Duration) -> W,
    C: Fn(&W, Duration) -> Result<(), TimedOut> + Copy + Send + 'static,
{
    let file = file.as_ref();
    let clause = Clause::ReturnsByItsDeadline;
    let (held, gate) = Probe::ready_after(Duration::ZERO).gated();
    let services = [
        (
            held,
            "the service was slow to answer (its checks were held)",
        ),
        (
            Probe::never_ready(Duration::ZERO),
            "the service never came up (every check said not ready)",
        ),
    ]
    .map(|(probe, what)| (Calls::new(file, clause, new(probe, TICK), call), what));
    let one_each: Vec<Pending> = services
        .iter()
        .map(|(calls, _)| calls.start(TIMEOUT))
        .collect();
    for ((calls, what), pending) in services.iter().zip(one_each) {
        expect_timed_out(calls, &[pending.wait(calls, what)], what);
    }
    let several_each: Vec<Vec<Pending>> = services
        .iter()
        .map(|(calls, _)| (0..AT_ONCE).map(|_| calls.start(TIMEOUT)).collect())
        .collect();
    for ((calls, what), pending) in services.iter().zip(several_each) {
        let answers: Vec<Timed> = pending
            .into_iter()
            .map(|call| call.wait(calls, what))
            .collect();
        expect_timed_out(calls, &answers, what);
    }
    drop(gate);
}

/// Every call timed out, and none late.
fn expect_timed_out<W, C>(calls: &Calls<W, C>, answers: &[Timed], while_: &str)
where
    W: Send + Sync + 'static,
    C: Fn(&W, Duration) -> Result<(), TimedOut> + Copy + Send + 'static,
{
    for (answer, took) in answers {
        if *answer != Err(TimedOut(TIMEOUT)) {
            calls.broke(format_args!(
                "A call asked to give up after {} answered {answer:?} while {while_}: no check \
                 of its own had passed, so the only true answer is Err(TimedOut({TIMEOUT:?})).",
                human(TIMEOUT)
            ));
        }
        if *took > TIMEOUT + LATE_MARGIN {
            calls.broke(format_args!(
                "A call asked to give up after {} returned after {} while {while_}: it waited \
                 past its deadline (for a worker to end, for a check to finish, or for longer \
                 than it was asked to?).",
                human(TIMEOUT),
                human(*took)
            ));
        }
    }
}

/// A call is answered ready once its own check passes: when the service is up at once,
/// and when it comes up only on its third check. One call, then several at once on one
/// watcher.
pub fn a_call_is_answered_ready_once_its_check_passes<W, N, C>(
    file: impl AsRef<str>,
    new: N,
    call: C,
) where
    W: Send + Sync + 'static,
    N: Fn(Probe, Duration) -> W,
    C: Fn(&W, Duration) -> Result<(), TimedOut> + Copy + Send + 'static,
{
    let file = file.as_ref();
    for (probe, service) in [
        (
            Probe::ready_after(Duration::ZERO),
            "the service was up at once",
        ),
        (
            Probe::ready_on_check(3, Duration::ZERO),
            "the service came up on its third check",
        ),
    ] {
        let calls = Calls::new(file, Clause::AnsweredReady, new(probe.clone(), TICK), call);
        let waiting = format!(
            "{service} (each check takes no time, one every {})",
            human(TICK)
        );
        let answer = calls.make(TIME_ENOUGH, &waiting);
        expect_ready(&calls, &answer, &waiting);
        for answer in calls.make_at_once(AT_ONCE, TIME_ENOUGH, &waiting) {
            expect_ready(
                &calls,
                &answer,
                &format!("{waiting}, with {AT_ONCE} calls at once"),
            );
        }
    }
}

fn expect_ready<W, C>(calls: &Calls<W, C>, (answer, took): &Timed, while_: &str)
where
    W: Send + Sync + 'static,
    C: Fn(&W, Duration) -> Result<(), TimedOut> + Copy + Send + 'static,
{
    if answer.is_err() {
        calls.broke(format_args!(
            "A call given {} answered {answer:?} after {} while {while_}. Its checks passed \
             long before its deadline: does the worker stop checking after a check that \
             failed, does the call give up before its deadline, or does another call take \
             its answer?",
            human(TIME_ENOUGH),
            human(*took)
        ));
    }
}

/// A call never takes an answer meant for another call: here, one that an earlier call's
/// check delivers while this call waits. The earlier calls time out while their checks,
/// which will say "ready", are held; then the service goes down for good, and the checks
/// are let through once the later call waits, so that any "ready" it gets is an earlier
/// call's. (Answers left over from before the call would arrive the same way: a fix that
/// only drains them before it waits is caught here.)
///
/// The later call waits briefly, and a try counts only if the earlier checks had all
/// finished well before its deadline (their answers follow within microseconds); on a
/// machine too busy for that, the next try waits ten times longer.
pub fn a_call_never_takes_an_answer_meant_for_another<W, N, C>(
    file: impl AsRef<str>,
    new: N,
    call: C,
) where
    W: Send + Sync + 'static,
    N: Fn(Probe, Duration) -> W,
    C: Fn(&W, Duration) -> Result<(), TimedOut> + Copy + Send + 'static,
{
    let file = file.as_ref();
    for waits in WHILE_IT_WAITS {
        if earlier_answers_arrive_while_a_later_call_waits(file, &new, call, waits) {
            return;
        }
    }
}

/// How long the later call waits while the earlier calls' answers arrive, try by try; the
/// last try counts whatever happened.
const WHILE_IT_WAITS: [Duration; 3] = [
    Duration::from_millis(15),
    Duration::from_millis(150),
    Duration::from_millis(1500),
];

/// How long before the later call's deadline the earlier checks must have finished for a
/// try to count: time for their answers to be sent, which takes microseconds.
const TIME_TO_DELIVER: Duration = Duration::from_millis(5);

/// One try of [`a_call_never_takes_an_answer_meant_for_another`], with a later call that
/// `waits`; fails the check if the later call is answered ready. Returns whether the try
/// counts: the earlier checks all finished [`TIME_TO_DELIVER`] before the later call's
/// deadline, or this is the last try.
fn earlier_answers_arrive_while_a_later_call_waits<W, N, C>(
    file: &str,
    new: &N,
    call: C,
    waits: Duration,
) -> bool
where
    W: Send + Sync + 'static,
    N: Fn(Probe, Duration) -> W,
    C: Fn(&W, Duration) -> Result<(), TimedOut> + Copy + Send + 'static,
{
    let (probe, switch) = Probe::ready_after(Duration::ZERO).switchable();
    let (probe, gate) = probe.gated();
    let calls = Calls::new(
        file,
        Clause::NoAnswerMeantForAnother,
        new(probe.clone(), TICK),
        call,
    );
    let earlier = "earlier calls timed out with their checks held";
    let _ = calls.make_at_once(AT_ONCE, TIMEOUT, earlier);
    // Each earlier call has a check under way (its answer, "ready", is settled), unless
    // it started none.
    probe.wait_for_checks(AT_ONCE, HANG_LIMIT);
    switch.never_ready();
    let before = probe.checks_started();
    let pending = calls.start(waits);
    let deadline = pending.deadline;
    // The later call is under way once a check of its own has started (its worker ticks
    // before it checks: by then the call waits for the answer).
    probe.wait_for_checks(before + 1, HANG_LIMIT);
    gate.open();
    let later = "the service had gone down for good, after earlier calls had timed out";
    expect_no_stale(&calls, pending.wait(&calls, later));
    let last_try = Some(&waits) == WHILE_IT_WAITS.last();
    last_try
        || before == 0
        || probe
            .finished_by(before)
            .is_some_and(|finished| finished + TIME_TO_DELIVER <= deadline)
}

fn expect_no_stale<W, C>(calls: &Calls<W, C>, (answer, took): Timed)
where
    W: Send + Sync + 'static,
    C: Fn(&W, Duration) -> Result<(), TimedOut> + Copy + Send + 'static,
{
    if answer.is_ok() {
        calls.broke(format_args!(
            "The service had gone down for good, yet a later call said ready after {}: it \
             took an answer meant for an earlier call. The answer came while it waited, \
             from the check of a call that had already timed out.",
            human(took)
        ));
    }
}

/// Nothing a call starts outlives it: after calls that time out while the service is
/// slow or never comes up, and after calls that are answered at once or on a later check;
/// calls one after another and several at once. Runs in a process of its own
/// ([`checker::isolated`]), so that the thread counts are this check's alone.
#[track_caller]
pub fn nothing_a_call_starts_outlives_it<W, N, C>(file: impl AsRef<str>, new: N, call: C)
where
    W: Send + Sync + 'static,
    N: Fn(Probe, Duration) -> W,
    C: Fn(&W, Duration) -> Result<(), TimedOut> + Copy + Send + 'static,
{
    let file = file.as_ref();
    checker::isolated(|| {
        super::caught(|| leaves_nothing_in_any_case(file, &new, call, First::Slow))
    });
}

/// Which timed-out case a leak check runs first: the first that fails is the one the
/// learner reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum First {
    /// The service slow to answer: a late answer's blocked send shows first.
    Slow,
    /// The service never up: a loop that never looks for a stop shows first, in the
    /// learner's own code (a blocking job's, where the slow case shows only the pool's
    /// idle threads).
    Never,
}

/// The cases of [`nothing_a_call_starts_outlives_it`], in this process.
pub(crate) fn leaves_nothing_in_any_case<W, N, C>(file: &str, new: &N, call: C, first: First)
where
    W: Send + Sync + 'static,
    N: Fn(Probe, Duration) -> W,
    C: Fn(&W, Duration) -> Result<(), TimedOut> + Copy + Send + 'static,
{
    let mut timed_out = [
        (
            Probe::ready_after(Duration::ZERO),
            "timed out while the service was slow to answer",
        ),
        (
            Probe::never_ready(Duration::ZERO),
            "timed out while the service never came up",
        ),
    ];
    if first == First::Never {
        timed_out.reverse();
    }
    for (probe, what) in timed_out {
        let (probe, gate) = probe.gated();
        leaves_nothing(file, new, call, probe, what, Some(gate), CALL_TIMEOUT);
    }
    let answered = [
        (Probe::ready_after(Duration::ZERO), "were answered at once"),
        (
            Probe::ready_on_check(3, Duration::ZERO),
            "were answered on a later check",
        ),
    ];
    for (probe, what) in answered {
        leaves_nothing(file, new, call, probe, what, None, TIME_ENOUGH);
    }
}

/// A call's timeout where the gate makes the deadline win: the shortest serves.
const CALL_TIMEOUT: Duration = Duration::from_millis(1);

/// Calls one after another, then several at once, on a watcher made after a snapshot;
/// with `gate`, the checks are held until the calls are over. Fails the check with the
/// checker's report if any thread they started is still alive afterwards.
fn leaves_nothing<W, N, C>(
    file: &str,
    new: &N,
    call: C,
    probe: Probe,
    what: &str,
    gate: Option<crate::Gate>,
    timeout: Duration,
) where
    W: Send + Sync + 'static,
    N: Fn(Probe, Duration) -> W,
    C: Fn(&W, Duration) -> Result<(), TimedOut> + Copy + Send + 'static,
{
    let before = ThreadSnapshot::take();
    let calls = Calls::new(file, Clause::LeavesNothingBehind, new(probe, TICK), call);
    let waiting = format!("it {}", what.trim_start_matches("were "));
    // What they answer is another clause's business.
    let _ = calls.make(timeout, &waiting);
    let _ = calls.make(timeout, &waiting);
    let _ = calls.make_at_once(AT_ONCE, timeout, &waiting);
    drop(gate);
    let options = Options::default().deadline(THREAD_DEADLINE);
    if let Err(report) = before.verify(&options) {
        calls.broke(format_args!(
            "After {} calls that {what} (two one after another, then {AT_ONCE} at once), \
             with every check they started given time to finish:\n{report}{}",
            2 + AT_ONCE,
            idle_pool_note(&before, &options)
        ));
    }
}

/// What to say when every thread left is an idle thread of a tokio runtime's blocking
/// pool (the checker's report names them so, and says how a test of one's own would
/// excuse them): the jobs ended, and the pool kept their threads.
pub(crate) fn idle_pool_note(before: &ThreadSnapshot, options: &Options) -> &'static str {
    let idle_excused = options
        .clone()
        .deadline(Duration::ZERO)
        .ignore_top_function(TOKIO_IDLE_BLOCKING);
    if before.verify(&idle_excused).is_ok() {
        "\n\nEvery thread left is an idle thread of a tokio runtime's blocking pool: the jobs \
         ended, but the pool keeps a thread 10 s after its last job, and this check excuses \
         none. Run the jobs on a pool of the watcher's own whose idle threads go sooner \
         (Builder::thread_keep_alive), as the chapter shows."
    } else {
        ""
    }
}

/// Where an idle thread of tokio's blocking pool waits for its next job.
const TOKIO_IDLE_BLOCKING: &str = "tokio::runtime::blocking::pool::Inner::run";
