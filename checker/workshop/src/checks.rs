//! The checks every fix passes and every leak fails, written once as macros that make test
//! functions: the tests of `fixed` run them on each fix, the red tests of `leaky` run them
//! (ignored) on each pattern, and each exercise's check runs them on the learner's file.
//!
//! Each macro takes the flavour (`threads` or `tasks`), the module whose `Watcher` it
//! tests, and any attributes for the test (`#[ignore = "..."]`). Call one inside a module
//! of its own: the test names are fixed.
//!
//! - [`leaves_nothing_behind!`](crate::leaves_nothing_behind): calls that time out leave
//!   no thread or task behind. Takes the probe too: `ready` (the check passes) or
//!   `never_ready` (the real code's second leak).
//! - [`no_stale_answer!`](crate::no_stale_answer): an answer meant for a call that timed
//!   out never reaches a later call.
//! - [`answers_ready!`](crate::answers_ready): with time enough, a call is answered ready.
//! - [`standard_checks!`](crate::standard_checks): all three.

/// Calls that time out leave no thread (or task) behind. See the [module](self).
#[macro_export]
macro_rules! leaves_nothing_behind {
    (threads, $($module:ident)::+, $probe:ident $(, #[$meta:meta])*) => {
        $(#[$meta])*
        #[test]
        fn timed_out_calls_leave_no_thread_behind() {
            let probe = $crate::checks::probe_for_threads(stringify!($probe));
            $crate::expect::no_thread_outlives(|| {
                $crate::timed_out_thread_calls!($($module)::+, 3, probe)
            });
        }
    };
    (tasks, $($module:ident)::+, $probe:ident $(, #[$meta:meta])*) => {
        $(#[$meta])*
        #[tokio::test(flavor = "current_thread", start_paused = true)]
        async fn timed_out_calls_leave_no_task_behind() {
            let probe = $crate::checks::probe_for_tasks(stringify!($probe));
            let calls = $crate::timed_out_task_calls!($($module)::+, 3, probe);
            $crate::expect::no_task_outlives(calls).await.unwrap();
        }
    };
}

/// An answer meant for a call that timed out never reaches a later call. See the
/// [module](self).
#[macro_export]
macro_rules! no_stale_answer {
    (threads, $($module:ident)::+ $(, #[$meta:meta])*) => {
        $(#[$meta])*
        #[test]
        fn a_late_answer_never_fools_a_later_call() {
            // In a process of its own, so that the wait below is for this test's
            // workers alone, and ends as soon as they do.
            ::checker::isolated(|| {
                let (probe, switch) =
                    $crate::Probe::ready_after(::std::time::Duration::ZERO).switchable();
                let before = ::checker::ThreadSnapshot::take();
                let watcher = $crate::timed_out_thread_calls!($($module)::+, 3, probe);
                // Until the abandoned workers have answered, or are stuck answering: the
                // checker's own deadline, the same whether they end or not.
                let _ = before.verify(
                    &::checker::Options::default().deadline($crate::expect::LEAK_DEADLINE),
                );
                switch.never_ready();
                let timeout = $crate::expect::CALL_TIMEOUT;
                assert_eq!(
                    watcher.wait_ready(timeout),
                    Err($crate::TimedOut(timeout)),
                    "the check now says not ready, yet the call said ready: it took an \
                     answer meant for an earlier call"
                );
            });
        }
    };
    (tasks, $($module:ident)::+ $(, #[$meta:meta])*) => {
        $(#[$meta])*
        #[tokio::test(flavor = "current_thread", start_paused = true)]
        async fn a_late_answer_never_fools_a_later_call() {
            let second = ::std::time::Duration::from_secs(1);
            let (probe, switch) = $crate::Probe::ready_after(10 * second).switchable();
            let watcher = $crate::timed_out_task_calls!($($module)::+, 3, probe).await;
            // Paused time: every check started has finished, and nothing real waited.
            tokio::time::sleep(20 * second).await;
            switch.never_ready();
            assert_eq!(
                watcher.wait_ready(second).await,
                Err($crate::TimedOut(second)),
                "the check now says not ready, yet the call said ready: it took an answer \
                 meant for an earlier call"
            );
        }
    };
}

/// With time enough, a call is answered ready. See the [module](self).
#[macro_export]
macro_rules! answers_ready {
    (threads, $($module:ident)::+ $(, #[$meta:meta])*) => {
        $(#[$meta])*
        #[test]
        fn a_call_with_time_enough_is_answered_ready() {
            let probe = $crate::Probe::ready_after(::std::time::Duration::ZERO);
            let tick = ::std::time::Duration::from_millis(1);
            let watcher = $($module)::+::Watcher::new(probe, tick);
            assert_eq!(watcher.wait_ready(::std::time::Duration::from_secs(3600)), Ok(()));
        }
    };
    (tasks, $($module:ident)::+ $(, #[$meta:meta])*) => {
        $(#[$meta])*
        #[tokio::test(flavor = "current_thread", start_paused = true)]
        async fn a_call_with_time_enough_is_answered_ready() {
            let second = ::std::time::Duration::from_secs(1);
            let watcher =
                $($module)::+::Watcher::new($crate::Probe::ready_after(10 * second), second);
            assert_eq!(watcher.wait_ready(60 * second).await, Ok(()));
        }
    };
}

/// All three checks. See the [module](self).
#[macro_export]
macro_rules! standard_checks {
    ($flavor:ident, $($module:ident)::+, $probe:ident $(, #[$meta:meta])*) => {
        $crate::leaves_nothing_behind!($flavor, $($module)::+, $probe $(, #[$meta])*);
        $crate::no_stale_answer!($flavor, $($module)::+ $(, #[$meta])*);
        $crate::answers_ready!($flavor, $($module)::+ $(, #[$meta])*);
    };
}

/// The probe a thread check runs: a check that takes no time, and says `ready` or
/// `never_ready` as the pattern's story has it.
pub fn probe_for_threads(kind: &str) -> crate::Probe {
    probe(kind, std::time::Duration::ZERO)
}

/// The probe a task check runs, under paused time: the story's ten-second check.
pub fn probe_for_tasks(kind: &str) -> crate::Probe {
    probe(kind, std::time::Duration::from_secs(10))
}

fn probe(kind: &str, takes: std::time::Duration) -> crate::Probe {
    match kind {
        "ready" => crate::Probe::ready_after(takes),
        "never_ready" => crate::Probe::never_ready(takes),
        other => panic!("unknown probe `{other}`: write `ready` or `never_ready`"),
    }
}

/// The checks for a pattern whose checks run on tokio's blocking pool (`spawn_blocking`):
/// calls that time out leave no thread behind, and a call with time enough is answered.
/// Blocking jobs are threads, not tasks, and they do not follow tokio's paused clock, so
/// these run on real time, in a process of their own, with a check that never passes (the
/// deadline always wins) or that takes no time.
#[macro_export]
macro_rules! blocking_checks {
    ($($module:ident)::+ $(, #[$meta:meta])*) => {
        $crate::blocking_leaves_nothing_behind!($($module)::+ $(, #[$meta])*);
        $crate::blocking_answers_ready!($($module)::+ $(, #[$meta])*);
    };
}

/// The first of [`blocking_checks!`](crate::blocking_checks): calls that time out leave
/// no thread behind.
#[macro_export]
macro_rules! blocking_leaves_nothing_behind {
    ($($module:ident)::+ $(, #[$meta:meta])*) => {
        $(#[$meta])*
        #[test]
        fn timed_out_calls_leave_no_thread_behind() {
            $crate::expect::no_thread_outlives(|| {
                let runtime = $crate::checks::Background::runtime();
                let probe = $crate::Probe::never_ready(::std::time::Duration::ZERO);
                let watcher = $($module)::+::Watcher::new(probe, $crate::checks::BLOCKING_TICK);
                let timeout = $crate::expect::CALL_TIMEOUT;
                for _ in 0..3 {
                    let answer = runtime.block_on(watcher.wait_ready(timeout));
                    assert_eq!(answer, Err($crate::TimedOut(timeout)));
                }
                (watcher, runtime)
            });
        }
    };
}

/// The second of [`blocking_checks!`](crate::blocking_checks): a call with time enough is
/// answered ready.
#[macro_export]
macro_rules! blocking_answers_ready {
    ($($module:ident)::+ $(, #[$meta:meta])*) => {
        $(#[$meta])*
        #[test]
        fn a_call_with_time_enough_is_answered_ready() {
            let runtime = $crate::checks::Background::runtime();
            let probe = $crate::Probe::ready_after(::std::time::Duration::ZERO);
            let watcher = $($module)::+::Watcher::new(probe, $crate::checks::BLOCKING_TICK);
            let far = ::std::time::Duration::from_secs(3600);
            assert_eq!(runtime.block_on(watcher.wait_ready(far)), Ok(()));
        }
    };
}

/// How often a blocking check loops in [`blocking_checks!`](crate::blocking_checks).
pub const BLOCKING_TICK: std::time::Duration = std::time::Duration::from_millis(1);

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
