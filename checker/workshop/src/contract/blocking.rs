//! The [contract](super) for a task flavour whose checks run on tokio's blocking pool
//! (`spawn_blocking`): an async `wait_ready`, driven by a runtime of the check's own from
//! real threads, and checked as the [thread flavour](super::threads) is, with calls that
//! their callers drop half-way besides.
//!
//! Blocking jobs run on threads, not tasks, and they do not follow tokio's paused clock,
//! so these checks run on real time and count threads. The check's own runtime lets an idle
//! blocking thread go at once: a job that has ended leaves nothing there, and one that
//! runs on is caught.

use std::sync::Arc;
use std::time::Duration;

use super::judge::Outcome;
use super::schedule::{Call, Scale};
use super::threads::{self, Subject};
use super::{Bound, Clause, Effort, Watched};
use crate::{Probe, TimedOut};

/// How often the blocking loop of a watcher under these checks ticks.
pub const TICK: Duration = threads::TICK;

/// The thread flavour's times, with calls that are futures a caller can drop.
const SCALE: Scale = Scale {
    can_drop: true,
    ..threads::SCALE
};

/// A watcher with the runtime its calls are driven on.
pub struct OnRuntime<W> {
    watcher: W,
    runtime: Background,
}

/// Checks `clause` of the contract on the watcher `new` makes, driving each call of
/// `call` on a runtime of the check's own, in this process. The leak clause counts this
/// process's threads: run it where nothing else runs.
pub fn clause<W, N, C>(clause: Clause, file: &str, new: N, call: C)
where
    W: Send + Sync + 'static,
    N: Fn(Probe, Duration) -> W,
    C: AsyncFn(&W, Duration) -> Result<(), TimedOut> + Copy + Send + Sync + 'static,
{
    clause_with(Effort::Full, clause, file, new, call);
}

/// [`clause`], playing as many schedules as `effort` says.
pub fn clause_with<W, N, C>(effort: Effort, clause: Clause, file: &str, new: N, call: C)
where
    W: Send + Sync + 'static,
    N: Fn(Probe, Duration) -> W,
    C: AsyncFn(&W, Duration) -> Result<(), TimedOut> + Copy + Send + Sync + 'static,
{
    let call = Arc::new(call);
    play(effort, clause, file, &|probe, tick| {
        Box::new(Bound {
            watcher: new(probe, tick),
            call: Arc::clone(&call),
        })
    });
}

/// Plays `clause` on the watchers `new` makes, each with a runtime to drive its calls.
fn play(
    effort: Effort,
    clause: Clause,
    file: &str,
    new: &dyn Fn(Probe, Duration) -> Box<dyn Watched + Send + Sync>,
) {
    let new = |probe, tick| OnRuntime {
        watcher: new(probe, tick),
        runtime: Background::runtime(),
    };
    let call = |on: &OnRuntime<Box<dyn Watched + Send + Sync>>, planned: &Call| {
        on.runtime.block_on(async {
            match planned.dropped_after {
                // The caller stops waiting, and drops the call, as an outer `timeout` or a
                // `select!` does.
                Some(after) => tokio::time::timeout(after, on.watcher.wait_ready(planned.timeout))
                    .await
                    .map_or(Outcome::Dropped, Outcome::Answered),
                None => Outcome::Answered(on.watcher.wait_ready(planned.timeout).await),
            }
        })
    };
    threads::play_clause(&Subject {
        file,
        clause,
        new: &new,
        call,
        scale: SCALE,
        drop_places: &[
            ("inside async code", drop_inside_async),
            (
                "on a plain thread, outside async code",
                drop_on_a_plain_thread,
            ),
        ],
        blocking: true,
        schedules: effort.of(threads::SCHEDULES),
    });
}

/// Drops the watcher inside async code, where a watcher of this flavour is used (a drop
/// that needs a runtime of its own, or blocks, fails there), then lets its runtime go.
fn drop_inside_async<W>(on: OnRuntime<W>) {
    let OnRuntime { watcher, runtime } = on;
    runtime.block_on(async move { drop(watcher) });
}

/// Drops the watcher outside any runtime, as a struct that owns it does when it goes (a
/// drop that needs a runtime to spawn on fails there), then lets its runtime go.
fn drop_on_a_plain_thread<W>(on: OnRuntime<W>) {
    let OnRuntime { watcher, runtime } = on;
    drop(watcher);
    drop(runtime);
}

/// A tokio runtime that is shut down in the background when dropped, so that a blocking
/// job that never ends cannot hold a test forever (dropping a `Runtime` waits for its
/// blocking jobs). Its threads are named `blocking-test`, and an idle one goes at once.
pub struct Background(Option<tokio::runtime::Runtime>);

impl Background {
    /// A current-thread runtime with time, shut down in the background when dropped.
    pub fn runtime() -> Self {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .thread_name("blocking-test")
            .thread_keep_alive(Duration::from_millis(1))
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
