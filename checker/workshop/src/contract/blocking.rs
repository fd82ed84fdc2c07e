//! The [contract](super) for a task flavour whose checks run on tokio's blocking pool
//! (`spawn_blocking`): an async `wait_ready`, driven here by a runtime of the check's own
//! from real threads, and checked as the [thread flavour](super::threads) is.
//!
//! Blocking jobs run on threads, not tasks, and they do not follow tokio's paused clock,
//! so these checks run on real time and count threads.

use std::time::Duration;

use super::threads;
use crate::{Probe, TimedOut};

/// How often the blocking loop of a watcher under these checks ticks.
pub const TICK: Duration = threads::TICK;

/// A watcher with the runtime its calls are driven on.
pub struct OnRuntime<W> {
    watcher: W,
    runtime: Background,
}

impl<W> OnRuntime<W> {
    fn new(watcher: W) -> Self {
        Self {
            watcher,
            runtime: Background::runtime(),
        }
    }
}

/// `new`, with a runtime for its watcher's calls to be driven on.
fn with_runtime<W, N>(new: N) -> impl Fn(Probe, Duration) -> OnRuntime<W>
where
    N: Fn(Probe, Duration) -> W,
{
    move |probe, tick| OnRuntime::new(new(probe, tick))
}

/// `call`, driven to its end on its watcher's runtime: a blocking call, as the thread
/// flavour's checks make them.
fn driven<W, C>(call: C) -> impl Fn(&OnRuntime<W>, Duration) -> Result<(), TimedOut> + Copy + Send
where
    C: AsyncFn(&W, Duration) -> Result<(), TimedOut> + Copy + Send,
{
    move |on: &OnRuntime<W>, timeout| on.runtime.block_on(call(&on.watcher, timeout))
}

/// The thread flavour's [`a_call_returns_by_its_deadline`](threads::a_call_returns_by_its_deadline),
/// each call driven by `block_on`.
pub fn a_call_returns_by_its_deadline<W, N, C>(file: impl AsRef<str>, new: N, call: C)
where
    W: Send + Sync + 'static,
    N: Fn(Probe, Duration) -> W + Sync,
    C: AsyncFn(&W, Duration) -> Result<(), TimedOut> + Copy + Send + Sync + 'static,
{
    threads::a_call_returns_by_its_deadline(file, with_runtime(new), driven(call));
}

/// The thread flavour's
/// [`a_call_is_answered_ready_once_its_check_passes`](threads::a_call_is_answered_ready_once_its_check_passes),
/// each call driven by `block_on`.
pub fn a_call_is_answered_ready_once_its_check_passes<W, N, C>(
    file: impl AsRef<str>,
    new: N,
    call: C,
) where
    W: Send + Sync + 'static,
    N: Fn(Probe, Duration) -> W + Sync,
    C: AsyncFn(&W, Duration) -> Result<(), TimedOut> + Copy + Send + Sync + 'static,
{
    threads::a_call_is_answered_ready_once_its_check_passes(file, with_runtime(new), driven(call));
}

/// The thread flavour's
/// [`a_call_never_takes_an_answer_meant_for_another`](threads::a_call_never_takes_an_answer_meant_for_another),
/// each call driven by `block_on`.
pub fn a_call_never_takes_an_answer_meant_for_another<W, N, C>(
    file: impl AsRef<str>,
    new: N,
    call: C,
) where
    W: Send + Sync + 'static,
    N: Fn(Probe, Duration) -> W + Sync,
    C: AsyncFn(&W, Duration) -> Result<(), TimedOut> + Copy + Send + Sync + 'static,
{
    threads::a_call_never_takes_an_answer_meant_for_another(file, with_runtime(new), driven(call));
}

/// Every clause, side by side: see [`side_by_side`](super::side_by_side).
pub fn the_whole_contract<W, N, C>(file: impl AsRef<str>, new: N, call: C)
where
    W: Send + Sync + 'static,
    N: Fn(Probe, Duration) -> W + Sync,
    C: AsyncFn(&W, Duration) -> Result<(), TimedOut> + Copy + Send + Sync + 'static,
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

/// The thread flavour's [`nothing_a_call_starts_outlives_it`](threads::nothing_a_call_starts_outlives_it),
/// each call driven by `block_on`, and one case more that only a future has: calls whose
/// caller drops them before their deadline (an outer `timeout`, a `select!`). A blocking
/// job must stop then too, though no timeout of its own fired.
#[track_caller]
pub fn nothing_a_call_starts_outlives_it<W, N, C>(file: impl AsRef<str>, new: N, call: C)
where
    W: Send + Sync + 'static,
    N: Fn(Probe, Duration) -> W + Sync,
    C: AsyncFn(&W, Duration) -> Result<(), TimedOut> + Copy + Send + Sync + 'static,
{
    let file = file.as_ref();
    checker::isolated(|| {
        super::caught(|| {
            threads::leaves_nothing_in_any_case(
                file,
                &with_runtime(&new),
                driven(call),
                threads::First::Never,
            );
            dropped_calls_leave_nothing(file, &new, call);
        })
    });
}

/// How long a caller waits before it drops a call whose own deadline is [`LONG`].
const DROPPED_AFTER: Duration = Duration::from_millis(10);
const LONG: Duration = Duration::from_secs(1);

fn dropped_calls_leave_nothing<W, N, C>(file: &str, new: &N, call: C)
where
    N: Fn(Probe, Duration) -> W,
    C: AsyncFn(&W, Duration) -> Result<(), TimedOut>,
{
    // A check that never passes and takes no time: the job loops, tick after tick, and
    // only a stop it looks for between checks can end it. (No check in flight can be
    // stopped from outside: a blocking job runs to its end.)
    let service = "the service never came up";
    {
        let probe = Probe::never_ready(Duration::ZERO);
        let before = checker::ThreadSnapshot::take();
        let on = OnRuntime::new(new(probe, TICK));
        for _ in 0..3 {
            on.runtime.block_on(async {
                let _ = tokio::time::timeout(DROPPED_AFTER, call(&on.watcher, LONG)).await;
            });
        }
        let options = checker::Options::default().deadline(threads::THREAD_DEADLINE);
        if let Err(report) = before.verify(&options) {
            super::broke(
                file,
                super::Clause::LeavesNothingBehind,
                format_args!(
                    "After 3 calls that their caller dropped before their deadline, while \
                     {service}, with every check they started given time to finish:\n{report}{}",
                    threads::idle_pool_note(&before, &options)
                ),
            );
        }
    }
}

/// A tokio runtime that is shut down in the background when dropped, so that a blocking
/// job that never ends cannot hold a test forever (dropping a `Runtime` waits for its
/// blocking jobs). Its threads are named `blocking-test`.
pub struct Background(Option<tokio::runtime::Runtime>);

impl Background {
    /// A current-thread runtime with time, shut down in the background when dropped.
    pub fn runtime() -> Self {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .thread_name("blocking-test")
            .build()
            .expect("a runtime for the test");
        Self(Some(runtime))
    }
}

impl std::ops::Deref for Background {
    type Target = tokio::runtime::Runtime;

    fn deref(&self) -> &Self::Target {
        self.0.as_ref().expect("alive until dropped")
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        if let Some(runtime) = self.0.take() {
            runtime.shutdown_background();
        }
    }
}
