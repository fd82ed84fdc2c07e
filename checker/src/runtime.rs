//! The runtime `#[tokio::test]` builds, built here with its threads recorded, so that a
//! test can excuse the runtime's own threads by TID and nothing they start.

use std::ops::Deref;

use tokio::runtime::{Builder, Runtime};

use crate::StartedThreads;

/// A tokio runtime built as `#[tokio::test]` builds its own, with every thread it starts
/// recorded in a [`StartedThreads`].
///
/// `#[tokio::test]` builds its runtime out of reach: a thread check in such a test sees
/// the runtime's threads, and has no hook to record them by. tokio keeps a blocking
/// thread 10 s after its last `spawn_blocking` job, so a check after one always finds
/// it. Write the test as a plain `#[test]` that builds its runtime here, and excuse the
/// recorded threads with [`Options::ignore_started`](crate::Options::ignore_started): the
/// runtime's workers and blocking threads are excused, and a thread that one of its tasks
/// starts is still caught.
///
/// It derefs to the [`Runtime`], for `block_on`, `spawn` and `handle`.
///
/// # Examples
///
/// In a `#[test] fn`, in place of `#[tokio::test(start_paused = true)]`:
///
/// ```
/// use checker::{Options, TestRuntime, ThreadSnapshot};
///
/// checker::isolated(|| {
///     let runtime = TestRuntime::new(
///         tokio::runtime::Builder::new_current_thread().start_paused(true),
///     );
///     let before = ThreadSnapshot::take();
///     runtime.block_on(async {
///         tokio::task::spawn_blocking(|| {}).await.unwrap();
///     });
///     // tokio's idle blocking thread is still there, and excused.
///     let options = Options::default().ignore_started(runtime.threads());
///     before.verify(&options)
/// });
/// ```
///
/// For `#[tokio::test(flavor = "multi_thread", worker_threads = 2)]`, build it from
/// `Builder::new_multi_thread().worker_threads(2)` (tokio's `rt-multi-thread` feature).
/// As with the macro, `start_paused` (tokio's `test-util` feature) is for the
/// current-thread flavour only: tokio panics when a multi-thread runtime pauses time.
#[derive(Debug)]
pub struct TestRuntime {
    runtime: Runtime,
    threads: StartedThreads,
}

impl TestRuntime {
    /// Builds `builder` as `#[tokio::test]` does, with every driver enabled (time, and I/O
    /// where tokio's features have it), and a thread-start hook that records each thread
    /// the runtime starts. The hook takes the place of one set on `builder` before.
    ///
    /// # Panics
    ///
    /// If tokio cannot build the runtime, with tokio's reason, as `#[tokio::test]` does.
    #[track_caller]
    pub fn new(builder: &mut Builder) -> Self {
        let threads = StartedThreads::new();
        let runtime = builder
            .enable_all()
            .on_thread_start(threads.recorder())
            .build()
            .unwrap_or_else(|e| {
                panic!("checker::TestRuntime: tokio cannot build the runtime: {e}")
            });
        Self { runtime, threads }
    }

    /// The runtime of `#[tokio::test]` with no arguments: current-thread.
    #[track_caller]
    pub fn current_thread() -> Self {
        Self::new(&mut Builder::new_current_thread())
    }

    /// The threads the runtime has started so far, and goes on recording: pass them to
    /// [`Options::ignore_started`](crate::Options::ignore_started).
    pub fn threads(&self) -> &StartedThreads {
        &self.threads
    }

    /// The runtime itself, to shut it down or drop it at a chosen point.
    pub fn into_inner(self) -> Runtime {
        self.runtime
    }
}

impl Deref for TestRuntime {
    type Target = Runtime;

    fn deref(&self) -> &Runtime {
        &self.runtime
    }
}
