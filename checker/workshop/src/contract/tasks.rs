//! The [contract](super), task flavour: `new(probe, tick)` and an async
//! `wait_ready(&self, timeout)`, called on a current-thread tokio runtime with paused time.
//!
//! Paused time makes every check exact and quick: a deadline is measured on tokio's clock,
//! so a call that waits too long is caught without waiting in real time. The runtime runs
//! on a thread of its own, watched in real time, so that a call that blocks the runtime's
//! thread fails the check too instead of hanging it.

use std::future::Future;
use std::time::Duration;

use checker::{Options, TaskSnapshot};
use tokio::time::Instant;

use super::{Clause, HANG_LIMIT, broke, human};
use crate::{Probe, TimedOut};

/// The watcher's ticker in these checks.
pub const TICK: Duration = Duration::from_millis(100);

/// The story's deadline: the call gives up after a second...
const TIMEOUT: Duration = Duration::from_secs(1);

/// ...while a check takes ten.
const SLOW_CHECK: Duration = Duration::from_secs(10);

/// A check of a service that answers promptly.
const QUICK_CHECK: Duration = Duration::from_secs(1);

/// Time enough for a call that should be answered: many checks' worth.
const TIME_ENOUGH: Duration = Duration::from_secs(60);

/// How many calls are made at the same time where calls overlap.
const AT_ONCE: usize = 3;

/// How long a verdict waits (on tokio's clock) for tasks on their way out: every check
/// started has finished long before.
const TASK_DEADLINE: Duration = Duration::from_secs(60);

/// A call's result and how long it took, on tokio's clock.
type Timed = (Result<(), TimedOut>, Duration);

/// The calls of one check on one watcher.
struct Calls<'a, W, C> {
    file: &'a str,
    clause: Clause,
    watcher: W,
    call: &'a C,
}

impl<W, C> Calls<'_, W, C>
where
    C: AsyncFn(&W, Duration) -> Result<(), TimedOut>,
{
    /// Makes one call and waits for it, failing the check if it has not returned
    /// [`HANG_LIMIT`] after its deadline.
    async fn make(&self, timeout: Duration, waiting_for: &str) -> Timed {
        let asked = Instant::now();
        match tokio::time::timeout(timeout + HANG_LIMIT, (self.call)(&self.watcher, timeout)).await
        {
            Ok(answer) => (answer, asked.elapsed()),
            Err(_) => self.broke(format_args!(
                "A call asked to give up after {} had not returned {} later (on tokio's \
                 paused clock), while {waiting_for}. It awaits something that does not come: \
                 a worker that does not stop, or an answer after its deadline.",
                human(timeout),
                human(timeout + HANG_LIMIT)
            )),
        }
    }

    /// Makes [`AT_ONCE`] calls at the same time, on this task, and waits for them all.
    async fn make_at_once(&self, timeout: Duration, waiting_for: &str) -> [Timed; AT_ONCE] {
        let (a, b, c) = tokio::join!(
            self.make(timeout, waiting_for),
            self.make(timeout, waiting_for),
            self.make(timeout, waiting_for)
        );
        [a, b, c]
    }

    fn broke(&self, how: impl std::fmt::Display) -> ! {
        broke(self.file, self.clause, how)
    }
}

/// Runs `check` on a current-thread runtime with paused time, on a thread of its own; a
/// failure there is this check's failure, and a runtime that does not come back within
/// [`HANG_LIMIT`] of real time fails the check: something blocks its thread.
fn on_paused_runtime<F, Fut>(file: &str, clause: Clause, check: F)
where
    F: FnOnce() -> Fut + Send + 'static,
    Fut: Future<Output = ()>,
{
    let (done_tx, done) = crossbeam_channel::bounded(1);
    let runtime_thread = std::thread::Builder::new()
        .name("contract-runtime".to_owned())
        .spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_time()
                .start_paused(true)
                .build()
                .expect("a runtime for the check");
            runtime.block_on(check());
            let _ = done_tx.send(());
        })
        .expect("the OS refused to start a thread");
    match done.recv_timeout(HANG_LIMIT) {
        Ok(()) => {
            let _ = runtime_thread.join();
        }
        Err(crossbeam_channel::RecvTimeoutError::Disconnected) => {
            // The check failed on the runtime's thread, and said why there.
            if let Err(payload) = runtime_thread.join() {
                std::panic::resume_unwind(payload);
            }
        }
        Err(crossbeam_channel::RecvTimeoutError::Timeout) => broke(
            file,
            clause,
            format_args!(
                "The check's runtime was still busy {} later in real time, though tokio's \
                 clock is paused and nothing in it waits in real time: something blocks its \
                 thread (a std join, a blocking receive or a sleep inside async code?), so \
                 tokio cannot run anything else, not even the call's own timeout.",
                human(HANG_LIMIT)
            ),
        ),
    }
}

/// Every clause, side by side: see [`side_by_side`](super::side_by_side).
pub fn the_whole_contract<W, N, C>(file: impl AsRef<str>, new: N, call: C)
where
    W: 'static,
    N: Fn(Probe, Duration) -> W + Send + Sync + Copy + 'static,
    C: AsyncFn(&W, Duration) -> Result<(), TimedOut> + Send + Sync + Copy + 'static,
{
    let file = file.as_ref();
    super::side_by_side(
        &|| nothing_a_call_starts_outlives_it(file, new, call),
        &[
            &|| a_call_returns_by_its_deadline(file, new, call),
            &|| a_call_is_answered_ready_once_its_check_passes(file, new, call),
            &|| a_call_never_takes_an_answer_meant_for_another(file, new, call),
        ],
    );
}

/// A call returns by its deadline (within one tick of it, on tokio's clock), whatever the
/// service does: when a check takes ten times the call's timeout, and when every check
/// says "not ready". One call, then several at once.
pub fn a_call_returns_by_its_deadline<W, N, C>(file: impl AsRef<str>, new: N, call: C)
where
    W: 'static,
    N: Fn(Probe, Duration) -> W + Send + 'static,
    C: AsyncFn(&W, Duration) -> Result<(), TimedOut> + Send + 'static,
{
    let file = file.as_ref().to_owned();
    let clause = Clause::ReturnsByItsDeadline;
    on_paused_runtime(&file.clone(), clause, move || async move {
        for (probe, service) in [
            (
                Probe::ready_after(SLOW_CHECK),
                "each check took ten times the call's timeout",
            ),
            (Probe::never_ready(QUICK_CHECK), "the service never came up"),
        ] {
            let calls = Calls {
                file: &file,
                clause,
                watcher: new(probe, TICK),
                call: &call,
            };
            let mut answers = vec![calls.make(TIMEOUT, service).await];
            answers.extend(calls.make_at_once(TIMEOUT, service).await);
            for (answer, took) in answers {
                if answer != Err(TimedOut(TIMEOUT)) {
                    calls.broke(format_args!(
                        "A call asked to give up after {} answered {answer:?} while {service}: \
                         no check of its own had passed, so the only true answer is \
                         Err(TimedOut({TIMEOUT:?})).",
                        human(TIMEOUT)
                    ));
                }
                if took > TIMEOUT + TICK {
                    calls.broke(format_args!(
                        "A call asked to give up after {} returned after {} (on tokio's paused \
                         clock) while {service}: it waited past its deadline (for a worker to \
                         end, for a check to finish, or for longer than it was asked to?).",
                        human(TIMEOUT),
                        human(took)
                    ));
                }
            }
        }
    });
}

/// A call is answered ready once its own check passes: when the service is up at once,
/// and when it comes up only on its third check. One call, then several at once on one
/// watcher.
pub fn a_call_is_answered_ready_once_its_check_passes<W, N, C>(
    file: impl AsRef<str>,
    new: N,
    call: C,
) where
    W: 'static,
    N: Fn(Probe, Duration) -> W + Send + 'static,
    C: AsyncFn(&W, Duration) -> Result<(), TimedOut> + Send + 'static,
{
    let file = file.as_ref().to_owned();
    let clause = Clause::AnsweredReady;
    on_paused_runtime(&file.clone(), clause, move || async move {
        for (probe, service) in [
            (
                Probe::ready_after(QUICK_CHECK),
                "the service was up at once",
            ),
            (
                Probe::ready_on_check(3, QUICK_CHECK),
                "the service came up on its third check",
            ),
        ] {
            let calls = Calls {
                file: &file,
                clause,
                watcher: new(probe, TICK),
                call: &call,
            };
            let waiting = format!(
                "{service} (each check takes {}, one every {})",
                human(QUICK_CHECK),
                human(TICK)
            );
            let mut answers = vec![calls.make(TIME_ENOUGH, &waiting).await];
            answers.extend(calls.make_at_once(TIME_ENOUGH, &waiting).await);
            for (answer, took) in answers {
                if answer.is_err() {
                    calls.broke(format_args!(
                        "A call given {} answered {answer:?} after {} (on tokio's paused \
                         clock) while {waiting}. Its checks passed long before its deadline: \
                         does the worker stop checking after a check that failed, does the call \
                         give up before its deadline, or does another call take its answer?",
                        human(TIME_ENOUGH),
                        human(took)
                    ));
                }
            }
        }
    });
}

/// A call never takes an answer meant for another call: earlier calls time out while
/// their checks, which will say "ready", are under way; then the service goes down for
/// good, and a later call waits while those checks finish. Any "ready" it gets is an
/// earlier call's.
pub fn a_call_never_takes_an_answer_meant_for_another<W, N, C>(
    file: impl AsRef<str>,
    new: N,
    call: C,
) where
    W: 'static,
    N: Fn(Probe, Duration) -> W + Send + 'static,
    C: AsyncFn(&W, Duration) -> Result<(), TimedOut> + Send + 'static,
{
    let file = file.as_ref().to_owned();
    let clause = Clause::NoAnswerMeantForAnother;
    on_paused_runtime(&file.clone(), clause, move || async move {
        let (probe, switch) = Probe::ready_after(SLOW_CHECK).switchable();
        let calls = Calls {
            file: &file,
            clause,
            watcher: new(probe, TICK),
            call: &call,
        };
        let earlier = "earlier calls timed out with their checks under way";
        let _ = calls.make_at_once(TIMEOUT, earlier).await;
        switch.never_ready();
        let later = "the service had gone down for good, after earlier calls had timed out";
        let (answer, took) = calls.make(SLOW_CHECK * 2, later).await;
        if answer.is_ok() {
            calls.broke(format_args!(
                "The service had gone down for good, yet a later call said ready after {} \
                 (on tokio's paused clock): it took an answer meant for an earlier call, \
                 from the check of a call that had already timed out.",
                human(took)
            ));
        }
    });
}

/// Nothing a call starts outlives it: after calls that time out while the service is
/// slow or never comes up, after calls that are answered at once or on a later check,
/// and after calls whose future the caller drops before their deadline (as an outer
/// `timeout` or a `select!` does); calls one after another and several at once.
pub fn nothing_a_call_starts_outlives_it<W, N, C>(file: impl AsRef<str>, new: N, call: C)
where
    W: 'static,
    N: Fn(Probe, Duration) -> W + Send + 'static,
    C: AsyncFn(&W, Duration) -> Result<(), TimedOut> + Send + 'static,
{
    let file = file.as_ref().to_owned();
    let clause = Clause::LeavesNothingBehind;
    on_paused_runtime(&file.clone(), clause, move || async move {
        let scenarios = [
            (
                Probe::ready_after(SLOW_CHECK),
                "timed out while the service was slow to answer",
                TIMEOUT,
            ),
            (
                Probe::never_ready(QUICK_CHECK),
                "timed out while the service never came up",
                TIMEOUT,
            ),
            (
                Probe::ready_after(QUICK_CHECK),
                "were answered at once",
                TIME_ENOUGH,
            ),
            (
                Probe::ready_on_check(3, QUICK_CHECK),
                "were answered on a later check",
                TIME_ENOUGH,
            ),
        ];
        for (probe, what, timeout) in scenarios {
            let before = TaskSnapshot::take(&tokio::runtime::Handle::current());
            let calls = Calls {
                file: &file,
                clause,
                watcher: new(probe, TICK),
                call: &call,
            };
            let waiting = format!("it {}", what.trim_start_matches("were "));
            // What they answer is another clause's business.
            let _ = calls.make(timeout, &waiting).await;
            let _ = calls.make(timeout, &waiting).await;
            let _ = calls.make_at_once(timeout, &waiting).await;
            expect_nothing_left(&calls, before, what).await;
        }
        let dropped = [
            (
                Probe::ready_after(SLOW_CHECK),
                "the service was slow to answer",
            ),
            (Probe::never_ready(QUICK_CHECK), "the service never came up"),
        ];
        for (probe, service) in dropped {
            let before = TaskSnapshot::take(&tokio::runtime::Handle::current());
            let calls = Calls {
                file: &file,
                clause,
                watcher: new(probe, TICK),
                call: &call,
            };
            // The caller stops waiting half-way to the call's own deadline, and drops it.
            let half = TIMEOUT / 2;
            let dropped_call = || tokio::time::timeout(half, (calls.call)(&calls.watcher, TIMEOUT));
            let _ = dropped_call().await;
            let _ = dropped_call().await;
            let _ = tokio::join!(dropped_call(), dropped_call(), dropped_call());
            let what =
                format!("were dropped by their caller half-way to their deadline, while {service}");
            expect_nothing_left(&calls, before, &what).await;
        }
    });
}

async fn expect_nothing_left<W, C>(calls: &Calls<'_, W, C>, before: TaskSnapshot, what: &str)
where
    C: AsyncFn(&W, Duration) -> Result<(), TimedOut>,
{
    let options = Options::default().deadline(TASK_DEADLINE);
    if let Err(report) = before.verify(&options).await {
        calls.broke(format_args!(
            "After {} calls that {what} (two one after another, then {AT_ONCE} at once), with \
             every check they started given time to finish:\n{report}",
            2 + AT_ONCE
        ));
    }
}
