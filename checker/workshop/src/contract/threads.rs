//! The [contract](super), thread flavour: `new(probe, tick)` and a blocking
//! `wait_ready(&self, timeout)`, called on real threads.
//!
//! Real time cannot be paused, so a schedule makes the deadline win by holding the probe's
//! checks at its [`Gate`](crate::Gate), never by racing the clock; calls are made by a few
//! caller threads, each making its calls one after another; and the judgments allow a busy
//! machine its last milliseconds. The [blocking flavour](super::blocking) plays its
//! schedules here too, each call driven on a runtime.

use std::sync::Arc;
use std::thread;
use std::time::Duration;

use checker::{Options, ThreadSnapshot};
use crossbeam_channel::{Receiver, Sender};
use tokio::time::Instant;

use super::judge::{self, Clock, Finding, Made, Outcome, Rules};
use super::panics;
use super::say::{self, Kind};
use super::schedule::{self, Call, HOUR, Leftover, Scale, Schedule, Step};
use super::{Bound, Clause, Effort, HANG_LIMIT, broke, human};
use crate::{Gate, Probe, Switch, TimedOut};

/// The watcher's ticker in these checks.
pub const TICK: Duration = Duration::from_millis(1);

/// The times the thread flavour plays its schedules at.
pub(crate) const SCALE: Scale = Scale {
    tick: TICK,
    // A check takes a millisecond: a fix that checks again at once, without a tick,
    // waits that long rather than spinning. (Shorter checks wake each worker twice a
    // tick, which on a busy machine makes right fixes late.)
    quick_check: Duration::from_millis(1),
    // A service down for good fails at once: a worker that counts its ticks to the
    // deadline runs them out before it (and a call that reads its ended channel as ready
    // says so).
    down_check: Duration::ZERO,
    can_hold: true,
    slow_check: Duration::ZERO,
    // Half a tick over whole ticks: no deadline falls on a tick.
    short: [
        Duration::from_micros(5_500),
        Duration::from_micros(10_500),
        Duration::from_micros(20_500),
        Duration::from_micros(30_500),
    ],
    long: TIME_ENOUGH,
    can_drop: false,
    callers: CALLERS,
};

/// How many caller threads a check keeps: enough that ten calls at once, one after
/// another behind a lock, make the last far later than any busy machine does.
const CALLERS: usize = 10;

/// How long a call that should be answered is given: far more than the few ticks its
/// checks need, so that only a call that is never answered waits it out.
const TIME_ENOUGH: Duration = Duration::from_secs(2);

/// What real time allows: a busy machine, not the fix, decides a call's last few
/// milliseconds, so one call may be back this late; most must be back within
/// [`MEDIAN_LATE`].
pub(crate) const RULES: Rules = Rules {
    clock: Clock::Real,
    late: Duration::from_millis(250),
    ready_window: Duration::from_millis(200),
    tick: TICK,
    answer_margin: Duration::from_millis(50),
};

/// Threads, on real time, in a failure's words.
const KIND: Kind = Kind {
    plural: "threads",
    clock: "",
};

/// How late the middle call of the many that time out may be: ten ticks. Right fixes
/// are back within one or two, on a machine with two busy processes beside the check; a
/// wait after the deadline, or a lock that lets one call in at a time, is not.
const MEDIAN_LATE: Duration = Duration::from_millis(10);

/// How many schedules each clause plays.
pub(crate) const SCHEDULES: usize = 24;

/// How long what a call started is given, once the call has returned and its checks are
/// let through, to end: its check in flight and a tick, with room for a busy machine. A
/// clean verdict comes as soon as it has ended; only what lingers waits all of it.
const LINGER: Duration = Duration::from_millis(500);

/// How long the checks are counted for after the calls of a batch have returned.
const CHECKS_WINDOW: Duration = Duration::from_millis(25);

/// How long what a stream's call started is given to stop, once the stream has ended,
/// before the checks are counted (`Leftover::Steady`).
const STREAM_SETTLE: Duration = Duration::from_millis(20);

/// How many checks may start, per call, once the calls have returned: one more for each of
/// a few workers a call may run (replicas), before they hear that their call is over.
const CHECKS_AFTER_A_CALL: usize = 4;

/// How long a verdict waits for the threads a dropped watcher leaves on their way out.
const THREAD_DEADLINE: Duration = crate::expect::THREAD_DEADLINE;

/// The name of the threads the checks make their calls on.
pub(crate) const CALLER: &str = "contract-caller";

/// Checks `clause` of the contract on the watcher `new` makes, calling it with `call`, in
/// this process. The leak clause counts this process's threads: run it where nothing else
/// runs (the [`contract!`](crate::contract) macro gives it a process of its own).
pub fn clause<W, N, C>(clause: Clause, file: &str, new: N, call: C)
where
    W: Send + Sync + 'static,
    N: Fn(Probe, Duration) -> W,
    C: Fn(&W, Duration) -> Result<(), TimedOut> + Copy + Send + Sync + 'static,
{
    clause_with(Effort::Full, clause, file, new, call);
}

/// [`clause`], playing as many schedules as `effort` says.
pub fn clause_with<W, N, C>(effort: Effort, clause: Clause, file: &str, new: N, call: C)
where
    W: Send + Sync + 'static,
    N: Fn(Probe, Duration) -> W,
    C: Fn(&W, Duration) -> Result<(), TimedOut> + Copy + Send + Sync + 'static,
{
    let call = Arc::new(call);
    play(effort, clause, file, &|probe, tick| {
        Box::new(Bound {
            watcher: new(probe, tick),
            call: Arc::clone(&call),
        })
    });
}

/// A watcher with the call the check makes on it, as one type for every watcher: the
/// checks below are compiled once, not once for each of the hundreds of watchers a test
/// target may check.
trait Answers: Send + Sync {
    fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut>;
}

impl<W, C> Answers for Bound<W, C>
where
    W: Send + Sync,
    C: Fn(&W, Duration) -> Result<(), TimedOut> + Send + Sync,
{
    fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        (self.call)(&self.watcher, timeout)
    }
}

/// Plays `clause` on the watchers `new` makes.
fn play(
    effort: Effort,
    clause: Clause,
    file: &str,
    new: &dyn Fn(Probe, Duration) -> Box<dyn Answers>,
) {
    #[expect(
        clippy::borrowed_box,
        reason = "the watchers under the check are boxed"
    )]
    let call = |watcher: &Box<dyn Answers>, planned: &Call| {
        Outcome::Answered(watcher.wait_ready(planned.timeout))
    };
    play_clause(&Subject {
        file,
        clause,
        new: &new,
        call,
        scale: SCALE,
        drop_places: &[("on a plain thread", drop)],
        blocking: false,
        schedules: effort.of(SCHEDULES),
    });
}

/// Where a watcher is dropped, in words, and how.
pub(crate) type DropPlace<W> = (&'static str, fn(W));

/// What a clause plays against: a watcher's `new`, a way to make one call (blocking), a way
/// to drop it, and the times to play at.
pub(crate) struct Subject<'a, W, N, F> {
    pub(crate) file: &'a str,
    pub(crate) clause: Clause,
    pub(crate) new: &'a N,
    pub(crate) call: F,
    pub(crate) scale: Scale,
    /// The places a watcher is dropped, each with how: on a plain thread, inside async
    /// code. The seed picks one for each situation of the leak clause.
    pub(crate) drop_places: &'a [DropPlace<W>],
    /// Whether the calls run their checks on tokio's blocking pool (the blocking flavour):
    /// the report then says so of the pool's idle threads.
    pub(crate) blocking: bool,
    /// How many schedules each clause plays.
    pub(crate) schedules: usize,
}

/// Plays the schedules of the subject's clause, and fails at the first that breaks it.
pub(crate) fn play_clause<W, N, F>(subject: &Subject<'_, W, N, F>)
where
    W: Send + Sync + 'static,
    N: Fn(Probe, Duration) -> W,
    F: Fn(&W, &Call) -> Outcome + Copy + Send + 'static,
{
    let seed = super::seed(subject.file, subject.clause);
    let mut rng = seed.stream(subject.clause.salt());
    let watch = panics::Watch::start();
    match subject.clause {
        Clause::ReturnsByItsDeadline => {
            // Lateness is judged over the calls of each situation: a wait that comes
            // only when the service is slow is not diluted by the calls where it is not.
            let mut by_situation: Vec<(String, Vec<Made>)> = Vec::new();
            for n in 0..subject.schedules {
                let schedule = schedule::deadlines(&subject.scale, &mut rng, n);
                let made = play_and_judge(subject, &schedule, seed, n, &watch);
                match by_situation
                    .iter_mut()
                    .find(|(s, _)| *s == schedule.situation)
                {
                    Some((_, all)) => all.extend(made),
                    None => by_situation.push((schedule.situation.clone(), made)),
                }
            }
            for (situation, made) in &by_situation {
                if let Some(finding) = judge::lateness(made, MEDIAN_LATE) {
                    broke(
                        subject.file,
                        finding.clause,
                        format_args!(
                            "{}\n\nSeen with {seed}, over the schedules of this clause where \
                             {situation}.",
                            finding.how
                        ),
                    );
                }
            }
        }
        Clause::AnsweredReady => {
            for n in 0..subject.schedules {
                let schedule = schedule::answers(&subject.scale, &mut rng, n);
                play_and_judge(subject, &schedule, seed, n, &watch);
            }
        }
        Clause::NoAnswerMeantForAnother => {
            for n in 0..subject.schedules {
                stale_answers(subject, &mut rng, seed, n, &watch);
            }
        }
        Clause::LeavesNothingBehind => {
            // A call that said ready with no check saying so is named once every situation
            // has been judged for what it left: what a fix leaves is this clause's first
            // business, a false ready the other clause's.
            let mut falsely_ready = None;
            for situation in Leftover::all(&subject.scale)
                .into_iter()
                .filter(|situation| subject.schedules >= SCHEDULES || situation.in_a_sweep())
            {
                let found = leaves_nothing(subject, situation, &mut rng, seed, &watch);
                falsely_ready = falsely_ready.or(found);
            }
            if let Some(how) = falsely_ready {
                broke(subject.file, Clause::AnsweredReady, how);
            }
        }
    }
}

/// How long a later call waits while the earlier calls' answers arrive, try by try.
const WHILE_IT_WAITS: [Duration; 3] = [
    Duration::from_millis(15),
    Duration::from_millis(150),
    Duration::from_millis(1500),
];

/// How long before a later call's return an earlier check must have finished for a try to
/// count: time for its answer to be sent, which takes microseconds.
const TIME_TO_DELIVER: Duration = Duration::from_millis(5);

/// One stale-answer schedule, played with a longer wait while the situation could not be
/// set up: the earlier checks must finish while a later call waits, or the try tests
/// nothing. A try that cannot set it up even with the longest wait says so.
fn stale_answers<W, N, F>(
    subject: &Subject<'_, W, N, F>,
    rng: &mut fastrand::Rng,
    seed: super::Seed,
    n: usize,
    watch: &panics::Watch,
) where
    W: Send + Sync + 'static,
    N: Fn(Probe, Duration) -> W,
    F: Fn(&W, &Call) -> Outcome + Copy + Send + 'static,
{
    let shape = rng.u64(..);
    for waits in WHILE_IT_WAITS {
        let mut same = fastrand::Rng::with_seed(shape);
        let schedule = schedule::stale_answers(&subject.scale, &mut same, n, waits);
        let down = schedule
            .steps
            .iter()
            .find(|timed| timed.step == Step::Down)
            .map(|timed| timed.at)
            .unwrap_or_default();
        let mut bench = Bench::new(subject, &schedule);
        let made = bench.play(&schedule);
        let checks = bench.probe.records();
        bench.judge(&schedule, &made, &checks, seed, n, watch);
        // The try tests something only if every check that was settled to say "ready"
        // (started before the service went down) had finished, or been given up, while
        // the later calls still waited: its answer, if any, came while they waited.
        let down = bench.origin + down;
        let last_back = made
            .iter()
            .filter(|made| made.asked >= down)
            .map(|made| made.returned)
            .max();
        let set_up = last_back.is_some_and(|last_back| {
            checks
                .iter()
                .filter(|check| check.passes && check.started < down)
                .all(|check| {
                    check
                        .finished
                        .is_some_and(|finished| finished + TIME_TO_DELIVER <= last_back)
                })
        });
        bench.finish();
        if set_up {
            return;
        }
    }
    broke(
        subject.file,
        Clause::NoAnswerMeantForAnother,
        format_args!(
            "Inconclusive, not broken: with {seed}, schedule {} could not be set up even when \
             the later calls waited {}: checks the earlier calls started were still under way \
             when the later calls had returned (the machine may be too busy). Run the check \
             again.",
            n + 1,
            human(WHILE_IT_WAITS[WHILE_IT_WAITS.len() - 1])
        ),
    );
}

fn play_and_judge<W, N, F>(
    subject: &Subject<'_, W, N, F>,
    schedule: &Schedule,
    seed: super::Seed,
    n: usize,
    watch: &panics::Watch,
) -> Vec<Made>
where
    W: Send + Sync + 'static,
    N: Fn(Probe, Duration) -> W,
    F: Fn(&W, &Call) -> Outcome + Copy + Send + 'static,
{
    let mut bench = Bench::new(subject, schedule);
    let made = bench.play(schedule);
    let checks = bench.probe.records();
    bench.judge(schedule, &made, &checks, seed, n, watch);
    bench.finish();
    made
}

/// The leak clause in one situation: two batches of calls on one watcher, then the
/// watcher dropped. Returns, in words, a call that said ready with no check saying so.
fn leaves_nothing<W, N, F>(
    subject: &Subject<'_, W, N, F>,
    situation: Leftover,
    rng: &mut fastrand::Rng,
    seed: super::Seed,
    watch: &panics::Watch,
) -> Option<String>
where
    W: Send + Sync + 'static,
    N: Fn(Probe, Duration) -> W,
    F: Fn(&W, &Call) -> Outcome + Copy + Send + 'static,
{
    let first = 1 + rng.usize(..2);
    let second = first + 2 + rng.usize(..2);
    let batches = [
        situation.batch(&subject.scale, rng, first, CALLERS),
        situation.batch(&subject.scale, rng, second, CALLERS),
    ];
    let mut bench = Bench::new(subject, &batches[0]);
    let before = bench.baseline.take().expect("a baseline");
    let mut after_first = None;
    let mut falsely_ready = None;
    for (number, batch) in batches.iter().enumerate() {
        let made = bench.play(batch);
        if falsely_ready.is_none() {
            let checks = bench.probe.records();
            falsely_ready = made
                .iter()
                .find_map(|made| judge::false_ready(&RULES, made, &checks))
                .map(|found| {
                    let seen = say::seen(seed, None, batch, &made, bench.origin);
                    format!("{}{seen}", found.how)
                });
        }
        // A dropped call may leave a worker that cannot hear of it until its deadline.
        let deadline = made.iter().map(|made| made.asked + made.call.timeout).max();
        if let Some(deadline) = deadline.filter(|_| situation.dropped()) {
            let now = Instant::now();
            if deadline > now {
                thread::sleep(deadline - now);
            }
        }
        let quiet = Instant::now();
        if situation == Leftover::AnsweredThenDown {
            bench.set_service(false);
        }
        bench.set_gate(true);
        // The calls' answers are the other clauses' business, but a call the service
        // answered at once must have come back.
        bench.judge_answered_soon(batch, &made, seed);
        thread::sleep(CHECKS_WINDOW);
        let records = bench.probe.records();
        if situation == Leftover::Steady
            && let Some((count, allowed, over)) = judge::checked_beside_the_stream(
                &made,
                &records,
                subject.scale.tick.max(batch.check_takes),
                STREAM_SETTLE,
                CHECKS_AFTER_A_CALL,
            )
        {
            let calls = made.len() - 1;
            bench.fail(
                batch,
                &made,
                seed,
                say::checked_beside(calls, count, allowed, over),
            );
        }
        let after = records.iter().filter(|check| check.started > quiet).count();
        let allowed = CHECKS_AFTER_A_CALL * made.len();
        if after > allowed {
            bench.fail(
                batch,
                &made,
                seed,
                say::checked_on(
                    made.len(),
                    situation.what(),
                    situation.dropped(),
                    after,
                    &format!("in the next {}", human(CHECKS_WINDOW)),
                ),
            );
        }
        bench.no_panic(batch, &made, seed, watch);
        match number {
            0 => after_first = Some(ThreadSnapshot::take()),
            _ => {
                let options = Options::default().deadline(LINGER);
                let since = after_first.as_ref().expect("taken after the first batch");
                if let Err(report) = since.verify(&options) {
                    bench.fail(
                        batch,
                        &made,
                        seed,
                        format_args!(
                            "{}{}",
                            say::lingered(made.len(), situation.what(), first, KIND, report),
                            idle_pool_note(subject.blocking, since, &options)
                        ),
                    );
                }
            }
        }
    }
    let place = subject.drop_places[rng.usize(..subject.drop_places.len())];
    let dropped = bench.drop_watcher(place, &batches[1], seed, watch);
    let options = Options::default().deadline(THREAD_DEADLINE);
    if let Err(report) = before.verify(&options) {
        broke(
            subject.file,
            Clause::LeavesNothingBehind,
            format_args!(
                "{}{}",
                say::left_after_drop(situation.what(), dropped, report),
                idle_pool_note(subject.blocking, &before, &options)
            ),
        );
    }
    bench.finish();
    falsely_ready
}

/// What to say when every thread left is an idle thread of a tokio runtime's blocking
/// pool: the jobs ended, and the pool kept their threads.
pub(crate) fn idle_pool_note(
    blocking: bool,
    before: &ThreadSnapshot,
    options: &Options,
) -> &'static str {
    if !blocking {
        return "";
    }
    let idle_excused = options
        .clone()
        .deadline(Duration::ZERO)
        .ignore_top_function(TOKIO_IDLE_BLOCKING);
    if before.verify(&idle_excused).is_ok() {
        "\n\nEvery thread left is an idle thread of a tokio blocking pool that is not the \
         check's (the check's own pool lets an idle thread go at once): a pool of the \
         watcher's own keeps a thread for its keep-alive (10 s unless set) after its last job, \
         even once the watcher is gone. Shut the pool down with the watcher, or give its idle \
         threads a short keep-alive (Builder::thread_keep_alive)."
    } else {
        ""
    }
}

/// Where an idle thread of tokio's blocking pool waits for its next job.
const TOKIO_IDLE_BLOCKING: &str = "tokio::runtime::blocking::pool::Inner::run";

/// A call for a caller thread to make.
struct Request<W> {
    watcher: Arc<W>,
    call: Call,
    events: Sender<Event>,
}

/// What a caller thread says of a call.
enum Event {
    /// The call with this number was made, at this instant.
    Started(usize, Instant),
    /// It ended.
    Ended(Made),
}

/// A watcher under a check, the threads that call it, and what the check holds.
struct Bench<'s, 'a, W: Send + Sync + 'static, N, F> {
    subject: &'s Subject<'a, W, N, F>,
    watcher: Option<Arc<W>>,
    callers: Vec<Sender<Request<W>>>,
    probe: Probe,
    switch: Switch,
    gate: Gate,
    /// When the schedule being played started.
    origin: Instant,
    service: judge::Service,
    /// Taken before the callers start: a hang's report names the callers too.
    everything: ThreadSnapshot,
    /// Taken once the callers are up, before the watcher is made.
    baseline: Option<ThreadSnapshot>,
}

impl<'s, 'a, W, N, F> Bench<'s, 'a, W, N, F>
where
    W: Send + Sync + 'static,
    N: Fn(Probe, Duration) -> W,
    F: Fn(&W, &Call) -> Outcome + Copy + Send + 'static,
{
    fn new(subject: &'s Subject<'a, W, N, F>, schedule: &Schedule) -> Self {
        super::stalls::watch();
        let everything = ThreadSnapshot::take();
        let callers = (0..CALLERS.max(schedule.callers()))
            .map(|_| caller(subject.call))
            .collect();
        let baseline = Some(ThreadSnapshot::take());
        let (probe, switch) = Probe::ready_after(schedule.check_takes).switchable();
        let (probe, gate) = probe.recorded().gated();
        let watcher = Arc::new((subject.new)(probe.clone(), subject.scale.tick));
        let origin = Instant::now();
        let mut service = judge::Service::default();
        service.changes.push((origin, true, false));
        Self {
            subject,
            watcher: Some(watcher),
            callers,
            probe,
            switch,
            gate,
            origin,
            service,
            everything,
            baseline,
        }
    }

    fn set_service(&mut self, up: bool) {
        if up {
            self.switch.up();
        } else {
            self.switch.down();
        }
        let open = self.gate.is_open();
        self.service.changes.push((Instant::now(), up, open));
    }

    fn set_gate(&mut self, open: bool) {
        let up = self.service.changes.last().is_some_and(|change| change.1);
        if open {
            self.gate.release();
        } else {
            self.gate.hold();
        }
        self.service.changes.push((Instant::now(), up, open));
    }

    /// Plays a schedule's steps, each at its time, and waits for every call to end; a call
    /// that does not fails the check as hung.
    fn play(&mut self, schedule: &Schedule) -> Vec<Made> {
        let start = Instant::now();
        // What happened is told from the start of the schedule played.
        self.origin = start;
        let (events_tx, events) = crossbeam_channel::unbounded();
        let watcher = self.watcher.clone().expect("alive until dropped");
        let mut calls = Vec::new();
        for timed in &schedule.steps {
            // The steps make the situation: a wait for its moment, not a synchronisation.
            let due = start + timed.at;
            let now = Instant::now();
            if due > now {
                thread::sleep(due - now);
            }
            match timed.step {
                Step::Call(call) => {
                    calls.push(call);
                    let request = Request {
                        watcher: Arc::clone(&watcher),
                        call,
                        events: events_tx.clone(),
                    };
                    let _ = self.callers[call.caller].send(request);
                }
                Step::Up => self.set_service(true),
                Step::UpForOneCheck => {
                    self.switch.up_for_one_check();
                    // One check may pass: not a stretch a call can count on.
                    let open = self.gate.is_open();
                    self.service.changes.push((Instant::now(), false, open));
                }
                Step::Down => self.set_service(false),
                Step::Hold => self.set_gate(false),
                Step::Release => self.set_gate(true),
            }
        }
        drop((events_tx, watcher));
        self.collect(schedule, &calls, &events, start)
    }

    /// Waits for the calls' records; a call that has not come back by its limit (its
    /// deadline and [`HANG_LIMIT`]) fails the check as hung.
    fn collect(
        &mut self,
        schedule: &Schedule,
        calls: &[Call],
        events: &Receiver<Event>,
        start: Instant,
    ) -> Vec<Made> {
        let limit = |call: &Call| {
            if call.answered_soon {
                TIME_ENOUGH
            } else {
                call.timeout.min(HOUR) + HANG_LIMIT
            }
        };
        // A call is due to be back by its limit from when it started; one that has not
        // started yet waits for its caller's calls before it.
        let last_step = schedule
            .steps
            .last()
            .map(|timed| timed.at)
            .unwrap_or_default();
        let mut due: Vec<(usize, Instant)> = Vec::new();
        let mut made: Vec<Made> = Vec::new();
        while made.len() < calls.len() {
            let fallback = start + last_step + HANG_LIMIT;
            let next = due.iter().map(|(_, at)| *at).min().unwrap_or(fallback);
            let next = if due.is_empty() {
                next.max(fallback)
            } else {
                next
            };
            match events.recv_deadline(next.into_std()) {
                Ok(Event::Started(id, asked)) => {
                    let call = calls
                        .iter()
                        .find(|call| call.id == id)
                        .expect("a planned call");
                    due.push((id, asked + limit(call)));
                }
                Ok(Event::Ended(one)) => {
                    due.retain(|(id, _)| *id != one.call.id);
                    made.push(one);
                }
                Err(_) => self.hung(schedule, calls, &made),
            }
        }
        made.sort_by_key(|made| made.call.id);
        made
    }

    /// Fails the check for the calls that have not come back, saying where they wait.
    fn hung(&mut self, schedule: &Schedule, calls: &[Call], made: &[Made]) -> ! {
        let missing: Vec<&Call> = calls
            .iter()
            .filter(|call| !made.iter().any(|made| made.call.id == call.id))
            .collect();
        let first = missing[0];
        let (clause, how) = if first.answered_soon {
            let within = format_args!("was not answered within {}", human(TIME_ENOUGH));
            (
                Clause::AnsweredReady,
                say::not_answered(first.id, within, KIND.clock),
            )
        } else {
            (
                self.subject.clause,
                say::hung(first.id, first.timeout, KIND.clock, missing.len()),
            )
        };
        // Let everything through before leaving, so that no check is held for good.
        self.gate.release();
        let seed = super::seed(self.subject.file, clause);
        broke(
            self.subject.file,
            clause,
            format_args!(
                "{how}{}{}",
                say::seen(seed, None, schedule, made, self.origin),
                self.where_they_wait()
            ),
        )
    }

    fn judge(
        &mut self,
        schedule: &Schedule,
        made: &[Made],
        checks: &[crate::probe::Check],
        seed: super::Seed,
        n: usize,
        watch: &panics::Watch,
    ) {
        self.no_panic(schedule, made, seed, watch);
        if let Some(Finding { clause, how }) =
            judge::judge(self.subject.clause, &RULES, made, checks, &self.service)
        {
            self.gate.release();
            broke(
                self.subject.file,
                clause,
                format_args!(
                    "{how}{}",
                    say::seen(
                        seed,
                        Some((n, self.subject.schedules)),
                        schedule,
                        made,
                        self.origin
                    )
                ),
            );
        }
    }

    fn judge_answered_soon(&mut self, schedule: &Schedule, made: &[Made], seed: super::Seed) {
        if let Some(made) = made
            .iter()
            .find(|made| made.call.answered_soon && made.outcome != Outcome::Answered(Ok(())))
        {
            let how = format_args!("answered {:?} after {}", made.outcome, human(made.took()));
            let how = say::not_answered(made.call.id, how, KIND.clock);
            self.gate.release();
            broke(
                self.subject.file,
                Clause::AnsweredReady,
                format_args!(
                    "{how}{}",
                    say::seen(
                        seed,
                        None,
                        schedule,
                        std::slice::from_ref(made),
                        self.origin
                    )
                ),
            );
        }
    }

    fn no_panic(
        &mut self,
        schedule: &Schedule,
        made: &[Made],
        seed: super::Seed,
        watch: &panics::Watch,
    ) {
        if let Some(panicked) = watch.seen().first() {
            self.fail(schedule, made, seed, say::panicked(panicked));
        }
    }

    fn fail(
        &mut self,
        schedule: &Schedule,
        made: &[Made],
        seed: super::Seed,
        how: impl std::fmt::Display,
    ) -> ! {
        self.gate.release();
        broke(
            self.subject.file,
            self.subject.clause,
            format_args!(
                "{how}{}",
                say::seen(seed, None, schedule, made, self.origin)
            ),
        )
    }

    /// Drops the watcher on a thread of its own, as `place` says (on a plain thread, or
    /// inside async code), and fails the check if the drop panics or has not returned
    /// within [`HANG_LIMIT`]. Says where it was dropped.
    fn drop_watcher(
        &mut self,
        (where_, drop_watcher): DropPlace<W>,
        schedule: &Schedule,
        seed: super::Seed,
        watch: &panics::Watch,
    ) -> &'static str {
        self.gate.release();
        let watcher = self.watcher.take().expect("dropped once");
        // The callers hold no clone between calls; a caller still in a call would.
        let Ok(watcher) = Arc::try_unwrap(watcher) else {
            unreachable!("every call has returned before the watcher is dropped")
        };
        let (done_tx, done) = crossbeam_channel::bounded(1);
        let _dropping = thread::Builder::new()
            .name("contract-drop".to_owned())
            .spawn(move || {
                drop_watcher(watcher);
                let _ = done_tx.send(());
            })
            .expect("the OS refused to start a thread");
        match done.recv_timeout(HANG_LIMIT) {
            Ok(()) => {}
            Err(crossbeam_channel::RecvTimeoutError::Disconnected) => {}
            Err(crossbeam_channel::RecvTimeoutError::Timeout) => broke(
                self.subject.file,
                self.subject.clause,
                format_args!(
                    "{}{}{}",
                    say::drop_hung(where_, KIND.clock),
                    say::seen(seed, None, schedule, &[], self.origin),
                    self.where_they_wait()
                ),
            ),
        }
        if let Some(panicked) = watch.seen().first() {
            broke(
                self.subject.file,
                self.subject.clause,
                format_args!(
                    "{}{}",
                    say::drop_panicked(where_, panicked),
                    say::seen(seed, None, schedule, &[], self.origin)
                ),
            );
        }
        where_
    }

    /// Where the threads of the check wait now, as the checker's report names them: the
    /// callers, the workers, a drop that does not return.
    fn where_they_wait(&self) -> String {
        self.everything
            .verify(&Options::default().deadline(Duration::ZERO))
            .err()
            .map(|report| format!("\n\nWhere the threads of the check wait:\n{report}"))
            .unwrap_or_default()
    }

    /// Lets every held check through and stops the callers.
    fn finish(self) {}
}

impl<W: Send + Sync + 'static, N, F> Drop for Bench<'_, '_, W, N, F> {
    /// Lets every held check through, and stops the callers (each ends once its call in
    /// hand, if any, returns). A watcher not dropped by the check yet is dropped on a
    /// thread of its own, unwaited: its drop is the leak clause's business, and one that
    /// blocks must not hold up another clause, nor a failure on its way to the learner.
    fn drop(&mut self) {
        self.gate.release();
        self.callers.clear();
        if let Some(watcher) = self.watcher.take() {
            let _ = thread::Builder::new()
                .name("contract-drop".to_owned())
                .spawn(move || drop(watcher));
        }
    }
}

/// A caller thread: makes each call it is sent, one after another, and sends back what
/// happened; it ends when its sender is dropped.
fn caller<W, F>(call: F) -> Sender<Request<W>>
where
    W: Send + Sync + 'static,
    F: Fn(&W, &Call) -> Outcome + Copy + Send + 'static,
{
    let (requests, incoming) = crossbeam_channel::unbounded::<Request<W>>();
    thread::Builder::new()
        .name(CALLER.to_owned())
        .spawn(move || {
            for Request {
                watcher,
                call: planned,
                events,
            } in incoming
            {
                let asked = Instant::now();
                let _ = events.send(Event::Started(planned.id, asked));
                // A panic is noted by the contract's hook, and judged there.
                let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    call(&watcher, &planned)
                }))
                .unwrap_or(Outcome::Panicked);
                let returned = Instant::now();
                drop(watcher);
                let _ = events.send(Event::Ended(Made {
                    call: planned,
                    asked,
                    returned,
                    outcome,
                }));
            }
        })
        .expect("the OS refused to start a thread");
    requests
}
