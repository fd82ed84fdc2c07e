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

macro_rules! as_threads {
    ($clause:ident) => {
        #[doc = concat!("The thread flavour's [`", stringify!($clause), "`](threads::",
                                    stringify!($clause), "), each call driven by `block_on`.")]
        pub fn $clause<W, N, C>(file: impl AsRef<str>, new: N, call: C)
        where
            W: Send + Sync + 'static,
            N: Fn(Probe, Duration) -> W + Sync,
            C: AsyncFn(&W, Duration) -> Result<(), TimedOut> + Copy + Send + Sync + 'static,
        {
            threads::$clause(
                file,
                |probe, tick| OnRuntime::new(new(probe, tick)),
                move |on: &OnRuntime<W>, timeout| on.runtime.block_on(call(&on.watcher, timeout)),
            );
        }
    };
}

as_threads!(the_whole_contract);
as_threads!(a_call_returns_by_its_deadline);
as_threads!(a_call_is_answered_ready_once_its_check_passes);
as_threads!(a_call_never_takes_an_answer_meant_for_another);
as_threads!(nothing_a_call_starts_outlives_it);

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
