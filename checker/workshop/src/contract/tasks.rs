//! The [contract](super), task flavour: `new(probe, tick)` and an async
//! `wait_ready(&self, timeout)`, called on a current-thread tokio runtime with paused time.
//!
//! Paused time makes every judgment exact and quick: a deadline is measured on tokio's
//! clock, so a call that waits too long is caught without waiting in real time, and a
//! clause plays hundreds of calls in a fraction of a second. The runtime runs on a thread
//! of its own, watched in real time, so that something that blocks the runtime's thread
//! fails the check too, instead of hanging it.

use std::future::Future;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use checker::{Options, TaskSnapshot, ThreadSnapshot};
use futures_util::FutureExt;
use futures_util::future::Either;
use tokio::time::{Instant, sleep_until, timeout};

use super::judge::{self, Clock, Finding, Made, Outcome, Rules};
use super::panics;
use super::say::{self, Kind};
use super::schedule::{self, Call, HOUR, Leftover, Scale, Schedule, Step};
use super::{Bound, Clause, Effort, HANG_LIMIT, Seed, Watched, broke, human};
use crate::{Probe, Switch, TimedOut};

/// The watcher's ticker in these checks.
pub const TICK: Duration = Duration::from_millis(100);

/// A check of a service that answers promptly: a second.
const QUICK_CHECK: Duration = Duration::from_secs(1);

/// The times the task flavour plays its schedules at: the story's, a call that gives up
/// after a second or so against a check that takes ten.
pub(crate) const SCALE: Scale = Scale {
    tick: TICK,
    quick_check: QUICK_CHECK,
    // On the paused clock a check that takes no time lets a fix that checks again without
    // a tick spin without time ever passing.
    down_check: QUICK_CHECK,
    can_hold: false,
    slow_check: Duration::from_secs(10),
    // A quick check that starts on the first tick ends just before 1.2 s: an answer that
    // comes in the last tick before a deadline.
    short: [
        Duration::from_secs(1),
        Duration::from_millis(1200),
        Duration::from_millis(1500),
        Duration::from_secs(2),
    ],
    long: TIME_ENOUGH,
    can_drop: true,
    callers: 6,
};

/// Time enough for a call that should be answered: many checks' worth.
const TIME_ENOUGH: Duration = Duration::from_secs(60);

/// Exact on the paused clock: a call is back within a tick of its deadline, a service up for
/// two checks (of 1 s to 1.1 s) and three ticks gives any fix time to start a check and
/// answer, and an answer of its own said before the deadline is the call's to take.
const RULES: Rules = Rules {
    clock: Clock::Paused,
    late: TICK,
    ready_window: Duration::from_millis(2 * 1100 + 3 * 100),
    tick: TICK,
    answer_margin: Duration::ZERO,
};

/// Tasks, on the paused clock, in a failure's words.
const KIND: Kind = Kind {
    plural: "tasks",
    clock: " (on tokio's paused clock)",
};

/// How many schedules each clause plays: hundreds of calls.
const SCHEDULES: usize = 96;

/// How many checks may start, per call, once the calls have returned.
const CHECKS_AFTER_A_CALL: usize = 4;

/// Checks `clause` of the contract on the watcher `new` makes, calling it with `call`.
pub fn clause<W, N, C>(clause: Clause, file: &str, new: N, call: C)
where
    W: 'static,
    N: Fn(Probe, Duration) -> W + Send + 'static,
    C: AsyncFn(&W, Duration) -> Result<(), TimedOut> + Send + 'static,
{
    clause_with(Effort::Full, clause, file, new, call);
}

/// [`clause`], playing as many schedules as `effort` says.
pub fn clause_with<W, N, C>(effort: Effort, clause: Clause, file: &str, new: N, call: C)
where
    W: 'static,
    N: Fn(Probe, Duration) -> W + Send + 'static,
    C: AsyncFn(&W, Duration) -> Result<(), TimedOut> + Send + 'static,
{
    // Made on the runtime's thread, where the watchers live: `call` is shared by them there.
    play(
        effort,
        clause,
        file,
        Box::new(move || {
            let call = Arc::new(call);
            Box::new(move |probe, tick| {
                Box::new(Bound {
                    watcher: new(probe, tick),
                    call: Arc::clone(&call),
                }) as Box<dyn Watched>
            })
        }),
    );
}

/// Makes the watchers of a check, once on the runtime's thread.
type NewWatchers = Box<dyn FnOnce() -> Box<dyn Fn(Probe, Duration) -> Box<dyn Watched>> + Send>;

/// Plays `clause` on the watchers `new_watchers` makes.
fn play(effort: Effort, clause: Clause, file: &str, new_watchers: NewWatchers) {
    let schedules = effort.of(SCHEDULES);
    let file = file.to_owned();
    let progress = Progress::default();
    let watching = progress.clone();
    on_paused_runtime(&file.clone(), clause, progress, move |runtime| {
        let new = new_watchers();
        #[expect(
            clippy::borrowed_box,
            reason = "the watchers under the check are boxed"
        )]
        let call =
            async |watcher: &Box<dyn Watched>, timeout: Duration| watcher.wait_ready(timeout).await;
        let seed = super::seed(&file, clause);
        let mut rng = seed.stream(clause.salt());
        let watch = panics::Watch::start();
        let bench = Bench {
            file: &file,
            watcher: std::marker::PhantomData,
            clause,
            new: &new,
            call: &call,
            watch: &watch,
            seed,
            progress: &watching,
            schedules,
        };
        let make_schedule: fn(&Scale, &mut fastrand::Rng, usize) -> Schedule = match clause {
            Clause::ReturnsByItsDeadline => schedule::deadlines,
            Clause::AnsweredReady => schedule::answers,
            Clause::NoAnswerMeantForAnother => {
                |scale, rng, n| schedule::stale_answers(scale, rng, n, Duration::ZERO)
            }
            Clause::LeavesNothingBehind => {
                for situation in Leftover::all(&SCALE) {
                    bench.leaves_nothing(runtime, situation, &mut rng);
                }
                return;
            }
        };
        runtime.block_on(async {
            for n in 0..bench.schedules {
                bench
                    .play_and_judge(&make_schedule(&SCALE, &mut rng, n), n)
                    .await;
            }
        });
    });
}

/// What the runtime's thread is doing, for a check that stops making progress.
#[derive(Clone, Default)]
struct Progress {
    step: Arc<Mutex<(u64, String)>>,
    /// Blocking-pool threads the check's runtime has started.
    blocking_threads: Arc<AtomicUsize>,
}

impl Progress {
    fn at(&self, what: impl Into<String>) {
        let mut step = self.step.lock().unwrap_or_else(PoisonError::into_inner);
        step.0 += 1;
        step.1 = what.into();
    }

    fn now(&self) -> (u64, String) {
        self.step
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

/// A task clause's schedules, played on one watcher at a time.
struct Bench<'a, W, N, C> {
    file: &'a str,
    watcher: std::marker::PhantomData<fn() -> W>,
    clause: Clause,
    new: &'a N,
    call: &'a C,
    watch: &'a panics::Watch,
    seed: Seed,
    progress: &'a Progress,
    schedules: usize,
}

impl<W, N, C> Bench<'_, W, N, C>
where
    W: 'static,
    N: Fn(Probe, Duration) -> W,
    C: AsyncFn(&W, Duration) -> Result<(), TimedOut>,
{
    fn watcher(&self, schedule: &Schedule) -> (Held<W>, Probe, Switch) {
        let (probe, switch) = Probe::ready_after(schedule.check_takes).switchable();
        let probe = probe.recorded();
        switch.down();
        let watcher = Held(Some((self.new)(probe.clone(), TICK)));
        (watcher, probe, switch)
    }

    async fn play_and_judge(&self, schedule: &Schedule, n: usize) {
        self.progress
            .at(format!("playing schedule {} of {}", n + 1, self.schedules));
        let (watcher, probe, switch) = self.watcher(schedule);
        let (made, service, origin) = self.play(&watcher, &switch, schedule).await;
        self.no_panic(schedule, &made, origin);
        if let Some(Finding { clause, how }) =
            judge::judge(self.clause, &RULES, &made, &probe.records(), &service)
        {
            broke(
                self.file,
                clause,
                format_args!(
                    "{how}{}",
                    say::seen(
                        self.seed,
                        Some((n, self.schedules)),
                        schedule,
                        &made,
                        origin
                    )
                ),
            );
        }
        // What the schedule left running is the leak clause's business; dropping the
        // watcher here lets it go on (a task does not stop when its watcher goes).
        self.progress.at(format!(
            "dropping the watcher of schedule {} of {}, inside async code",
            n + 1,
            self.schedules
        ));
        self.drop_watcher(watcher.take(), "inside async code", schedule);
    }

    /// Drops the watcher; a drop that panics fails the check, saying so.
    fn drop_watcher(&self, watcher: W, where_: &str, schedule: &Schedule) {
        let dropped = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| drop(watcher)));
        if dropped.is_err() {
            let panicked = self
                .watch
                .seen()
                .first()
                .map_or_else(|| "a panic".to_owned(), ToString::to_string);
            broke(
                self.file,
                self.clause,
                format_args!(
                    "{}{}",
                    say::drop_panicked(where_, panicked),
                    say::seen(self.seed, None, schedule, &[], Instant::now())
                ),
            );
        }
    }

    /// Plays a schedule: each caller makes its calls one after another, the callers at
    /// once, and the service changes at its times.
    async fn play(
        &self,
        watcher: &W,
        switch: &Switch,
        schedule: &Schedule,
    ) -> (Vec<Made>, judge::Service, Instant) {
        let origin = Instant::now();
        let mut service = judge::Service::default();
        service.changes.push((origin, false, true));
        let service_steps = async {
            for timed in &schedule.steps {
                let up = match timed.step {
                    Step::Up => true,
                    Step::Down => false,
                    Step::UpForOneCheck => {
                        sleep_until(origin + timed.at).await;
                        switch.up_for_one_check();
                        // One check may pass: not a stretch a call can count on.
                        service.changes.push((Instant::now(), false, true));
                        continue;
                    }
                    // Checks are not held on the paused clock: slow ones stand in.
                    Step::Hold | Step::Release | Step::Call(_) => continue,
                };
                sleep_until(origin + timed.at).await;
                if up {
                    switch.up();
                } else {
                    switch.down();
                }
                service.changes.push((Instant::now(), up, true));
            }
        };
        let callers = (0..schedule.callers()).map(|caller| {
            let mine: Vec<(Duration, Call)> = schedule
                .steps
                .iter()
                .filter_map(|timed| match timed.step {
                    Step::Call(call) if call.caller == caller => Some((timed.at, call)),
                    _ => None,
                })
                .collect();
            async move {
                let mut made = Vec::new();
                for (at, call) in mine {
                    sleep_until(origin + at).await;
                    made.push(self.make(watcher, call, schedule).await);
                }
                made
            }
        });
        let (made, ()) = tokio::join!(futures_util::future::join_all(callers), service_steps);
        let mut made: Vec<Made> = made.into_iter().flatten().collect();
        made.sort_by_key(|made| made.call.id);
        (made, service, origin)
    }

    /// Makes one call, dropping it where the schedule says; a call that has not returned by
    /// its limit fails the check as hung.
    async fn make(&self, watcher: &W, call: Call, schedule: &Schedule) -> Made {
        let asked = Instant::now();
        let limit = if call.answered_soon {
            TIME_ENOUGH
        } else {
            call.timeout.min(HOUR) + HANG_LIMIT
        };
        let waited = call.dropped_after.unwrap_or(limit).min(limit);
        // Every other call lets the tasks woken with it run first, each time it is woken: a
        // worker and its caller woken at one instant (a deadline) are seen in both orders.
        let answering = (self.call)(watcher, call.timeout);
        let answering = if call.id.is_multiple_of(2) {
            Either::Left(Politely::new(answering))
        } else {
            Either::Right(answering)
        };
        let answer = std::panic::AssertUnwindSafe(timeout(waited, answering))
            .catch_unwind()
            .await;
        let outcome = match answer {
            Ok(Ok(answer)) => Outcome::Answered(answer),
            Ok(Err(_)) if call.dropped_after.is_some_and(|after| after < limit) => Outcome::Dropped,
            Ok(Err(_)) if call.answered_soon => broke(
                self.file,
                Clause::AnsweredReady,
                format_args!(
                    "{}{}",
                    say::not_answered(
                        call.id,
                        format_args!("was not answered within {}", human(TIME_ENOUGH)),
                        KIND.clock
                    ),
                    say::seen(self.seed, None, schedule, &[], asked)
                ),
            ),
            Ok(Err(_)) => broke(
                self.file,
                self.clause,
                format_args!(
                    "{}{}",
                    say::hung(call.id, call.timeout, KIND.clock, 1),
                    say::seen(self.seed, None, schedule, &[], asked)
                ),
            ),
            // The panic is noted by the contract's hook, and judged there.
            Err(_) => Outcome::Panicked,
        };
        Made {
            call,
            asked,
            returned: Instant::now(),
            outcome,
        }
    }

    fn no_panic(&self, schedule: &Schedule, made: &[Made], origin: Instant) {
        if let Some(panicked) = self.watch.seen().first() {
            broke(
                self.file,
                self.clause,
                format_args!(
                    "{}{}",
                    say::panicked(panicked),
                    say::seen(self.seed, None, schedule, made, origin)
                ),
            );
        }
    }

    /// The leak clause in one situation: two batches of calls on one watcher, then the
    /// watcher dropped, inside async code or on the runtime's thread outside it (the seed
    /// says which).
    fn leaves_nothing(
        &self,
        runtime: &tokio::runtime::Runtime,
        situation: Leftover,
        rng: &mut fastrand::Rng,
    ) {
        let first = 1 + rng.usize(..2);
        let second = first + 2 + rng.usize(..2);
        let batches = [
            situation.batch(&SCALE, rng, first, SCALE.callers),
            situation.batch(&SCALE, rng, second, SCALE.callers),
        ];
        let inside_async = rng.bool();
        let before = TaskSnapshot::take(runtime.handle());
        let watcher = runtime.block_on(self.two_batches(situation, &batches, first));
        let where_ = if inside_async {
            self.progress.at("dropping the watcher inside async code");
            let where_ = "inside async code";
            runtime.block_on(async { self.drop_watcher(watcher, where_, &batches[1]) });
            where_
        } else {
            self.progress
                .at("dropping the watcher on a plain thread, outside async code");
            let where_ = "on a plain thread, outside async code";
            self.drop_watcher(watcher, where_, &batches[1]);
            where_
        };
        self.progress
            .at(format!("the verdict after dropping the watcher {where_}"));
        runtime.block_on(self.dropped_cleanly(&batches[1], where_, before));
    }

    /// Plays the two batches of a leak situation on one watcher, and returns it.
    async fn two_batches(&self, situation: Leftover, batches: &[Schedule; 2], first: usize) -> W {
        let handle = tokio::runtime::Handle::current();
        let (watcher, probe, switch) = self.watcher(&batches[0]);
        let mut since_first = None;
        for (number, batch) in batches.iter().enumerate() {
            self.progress
                .at(format!("{}, batch {}", situation.what(), number + 1));
            let (made, _, origin) = self.play(&watcher, &switch, batch).await;
            // A dropped call may leave a worker that cannot hear of it until its deadline.
            let quiet = match situation.dropped() {
                true => made
                    .iter()
                    .map(|made| made.asked + made.call.timeout)
                    .max()
                    .unwrap_or_else(Instant::now),
                false => Instant::now(),
            };
            if situation == Leftover::AnsweredThenDown {
                switch.down();
            }
            if let Some(made) = made
                .iter()
                .find(|made| made.call.answered_soon && made.outcome != Outcome::Answered(Ok(())))
            {
                self.fail(
                    Clause::AnsweredReady,
                    batch,
                    std::slice::from_ref(made),
                    origin,
                    say::not_answered(
                        made.call.id,
                        format_args!("answered {:?}", made.outcome),
                        KIND.clock,
                    ),
                );
            }
            // The check in flight, a tick to hear that the call is over, and a tick more;
            // then as long again, to see that nothing starts after.
            let allowed_until = quiet + batch.check_takes + TICK * 2;
            sleep_until(allowed_until + batch.check_takes + TICK * 10).await;
            let checks = probe.records();
            if situation == Leftover::Steady
                && let Some((count, allowed, over)) = judge::checked_beside_the_stream(
                    &made,
                    &checks,
                    TICK.max(batch.check_takes),
                    batch.check_takes + TICK * 2,
                    CHECKS_AFTER_A_CALL,
                )
            {
                let calls = made.len() - 1;
                let how = say::checked_beside(calls, count, allowed, over);
                self.fail(self.clause, batch, &made, origin, how);
            }
            let after: Vec<_> = checks
                .iter()
                .filter(|check| check.started > quiet)
                .collect();
            let late = after
                .iter()
                .filter(|check| check.started > allowed_until)
                .count();
            if late > 0 || after.len() > CHECKS_AFTER_A_CALL * made.len() {
                self.fail(
                    self.clause,
                    batch,
                    &made,
                    origin,
                    say::checked_on(
                        made.len(),
                        situation.what(),
                        situation.dropped(),
                        after.len(),
                        &format!(
                            "after, {late} of them more than a check and two ticks ({}) after",
                            human(batch.check_takes + TICK * 2)
                        ),
                    ),
                );
            }
            self.no_panic(batch, &made, origin);
            match number {
                0 => since_first = Some(TaskSnapshot::take(&handle)),
                _ => {
                    let since = since_first.as_ref().expect("taken after the first batch");
                    let options = Options::default().deadline(TICK);
                    if let Err(report) = since.verify(&options).await {
                        self.fail(
                            self.clause,
                            batch,
                            &made,
                            origin,
                            say::lingered(made.len(), situation.what(), first, KIND, report),
                        );
                    }
                }
            }
        }
        watcher.take()
    }

    /// The verdict after the watcher is dropped.
    async fn dropped_cleanly(&self, schedule: &Schedule, where_: &str, before: TaskSnapshot) {
        if let Some(panicked) = self.watch.seen().first() {
            broke(
                self.file,
                self.clause,
                format_args!(
                    "{}{}",
                    say::drop_panicked(where_, panicked),
                    say::seen(self.seed, None, schedule, &[], Instant::now())
                ),
            );
        }
        let options = Options::default().deadline(schedule.check_takes + TICK * 2);
        if let Err(report) = before.verify(&options).await {
            broke(
                self.file,
                self.clause,
                format_args!(
                    "{}{}",
                    say::left_after_drop(&schedule.situation, where_, report),
                    say::seen(self.seed, None, schedule, &[], Instant::now())
                ),
            );
        }
    }

    fn fail(
        &self,
        clause: Clause,
        schedule: &Schedule,
        made: &[Made],
        origin: Instant,
        how: impl std::fmt::Display,
    ) -> ! {
        broke(
            self.file,
            clause,
            format_args!(
                "{how}{}",
                say::seen(self.seed, None, schedule, made, origin)
            ),
        )
    }
}

/// A future that, each time what it wraps is woken, lets the runtime run the other tasks
/// woken at that instant before it polls it: what it awaits then sees what they did (a
/// worker that gave up at the deadline, and closed its channel) before its own timer. A
/// poll with no wake of its own (a join polls all its futures) polls nothing.
struct Politely<F> {
    inner: std::pin::Pin<Box<F>>,
    woken: Arc<Woken>,
    yielding: Option<std::pin::Pin<Box<dyn Future<Output = ()>>>>,
}

/// Whether what a [`Politely`] wraps was woken since it was last polled, and whom to wake.
struct Woken {
    since_polled: AtomicBool,
    outer: Mutex<Option<std::task::Waker>>,
}

impl futures_util::task::ArcWake for Woken {
    fn wake_by_ref(this: &Arc<Self>) {
        this.since_polled.store(true, Ordering::SeqCst);
        if let Some(waker) = this
            .outer
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
        {
            waker.wake_by_ref();
        }
    }
}

impl<F: Future> Politely<F> {
    fn new(inner: F) -> Self {
        Self {
            inner: Box::pin(inner),
            // Polled first as if woken.
            woken: Arc::new(Woken {
                since_polled: AtomicBool::new(true),
                outer: Mutex::new(None),
            }),
            yielding: None,
        }
    }
}

impl<F: Future> Future for Politely<F> {
    type Output = F::Output;

    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<F::Output> {
        *self
            .woken
            .outer
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Some(cx.waker().clone());
        if self.yielding.is_none() {
            if !self.woken.since_polled.swap(false, Ordering::SeqCst) {
                return std::task::Poll::Pending;
            }
            self.yielding = Some(Box::pin(tokio::task::yield_now()));
        }
        let yielding = self.yielding.as_mut().expect("set above");
        if yielding.as_mut().poll(cx).is_pending() {
            return std::task::Poll::Pending;
        }
        self.yielding = None;
        let waker = futures_util::task::waker(Arc::clone(&self.woken));
        self.inner
            .as_mut()
            .poll(&mut std::task::Context::from_waker(&waker))
    }
}

/// The watcher under a check: dropped where the check means to, never by a failure on its
/// way out. A failing check unwinds, and a watcher whose drop blocks or panics would hang
/// the check or abort it there, before the failure is told: one met while unwinding is let
/// go without its drop.
struct Held<W>(Option<W>);

impl<W> Held<W> {
    fn take(mut self) -> W {
        self.0.take().expect("taken once")
    }
}

impl<W> std::ops::Deref for Held<W> {
    type Target = W;

    fn deref(&self) -> &W {
        self.0.as_ref().expect("held until taken")
    }
}

impl<W> Drop for Held<W> {
    fn drop(&mut self) {
        if let Some(watcher) = self.0.take() {
            if std::thread::panicking() {
                std::mem::forget(watcher);
            } else {
                drop(watcher);
            }
        }
    }
}

/// Runs `check` with a current-thread runtime with paused time, on a thread of its own. A
/// failure there is this check's failure. The runtime must make progress: a step that has
/// not moved on within [`HANG_LIMIT`] of real time fails the check, saying what it was
/// doing: something blocks the runtime's thread, or a blocking job holds the paused clock.
fn on_paused_runtime<F>(file: &str, clause: Clause, progress: Progress, check: F)
where
    F: FnOnce(&tokio::runtime::Runtime) + Send + 'static,
{
    let everything = ThreadSnapshot::take();
    let (done_tx, done) = crossbeam_channel::bounded(1);
    let started = Arc::clone(&progress.blocking_threads);
    let runtime_thread = std::thread::Builder::new()
        .name("contract-runtime".to_owned())
        .spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_time()
                .start_paused(true)
                // A current-thread runtime starts no worker: every thread it starts is a
                // blocking-pool thread.
                .on_thread_start(move || {
                    started.fetch_add(1, Ordering::SeqCst);
                })
                .build()
                .expect("a runtime for the check");
            check(&runtime);
            let _ = done_tx.send(());
        })
        .expect("the OS refused to start a thread");
    let mut last = progress.now();
    loop {
        match done.recv_timeout(HANG_LIMIT) {
            Ok(()) => {
                let _ = runtime_thread.join();
                return;
            }
            Err(crossbeam_channel::RecvTimeoutError::Disconnected) => {
                // The check failed on the runtime's thread, and said why there.
                if let Err(payload) = runtime_thread.join() {
                    std::panic::resume_unwind(payload);
                }
                return;
            }
            Err(crossbeam_channel::RecvTimeoutError::Timeout) => {
                let now = progress.now();
                if now.0 != last.0 {
                    last = now;
                    continue;
                }
                let blocking = progress.blocking_threads.load(Ordering::SeqCst);
                let why = if blocking > 0 {
                    format!(
                        "A blocking job (spawn_blocking) that has not ended holds it: tokio does \
                         not move a paused clock while a blocking job runs, and this check's \
                         calls started {blocking} blocking thread(s). A job that loops until a \
                         deadline or a stop it never sees runs on in real time. (Or something \
                         blocks the runtime's thread: a std join, a blocking receive, a sleep \
                         inside async code?)"
                    )
                } else {
                    "Something blocks the runtime's thread (a std join, a blocking receive or a \
                     sleep inside async code?), so tokio cannot run anything else, not even \
                     the call's own timeout."
                        .to_owned()
                };
                let report = everything
                    .verify(&Options::default().deadline(Duration::ZERO))
                    .err()
                    .map(|report| format!("\n\nWhere the threads of the check wait:\n{report}"))
                    .unwrap_or_default();
                broke(
                    file,
                    clause,
                    format_args!(
                        "The check's runtime was still at one step, {}, {} later in real time, \
                         though tokio's clock is paused and nothing in it waits in real time. \
                         {why}{report}",
                        now.1,
                        human(HANG_LIMIT)
                    ),
                )
            }
        }
    }
}
