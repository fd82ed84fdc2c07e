//! The contract every fix keeps, checked from the side a wrong fix breaks it.
//!
//! A watcher is built once and asked many times, from several threads or tasks at once.
//! Each of its calls must:
//!
//! 1. **return by its deadline**, whatever the service does;
//! 2. **be answered ready once its own check passes** within its time, whether the
//!    service is up at once or comes up on a later check;
//! 3. **never take an answer meant for another call**: not one left over from an earlier
//!    call, nor one that arrives while it waits;
//! 4. **leave nothing behind**: every thread or task it started ends on its own, whether
//!    the call is answered, times out, or its future is dropped by its caller, and whether
//!    the service comes up at once, later or never. A worker may *linger* for the check it
//!    has in flight (a blocking check cannot be stopped half-way) or until its next tick,
//!    and the check allows it that much; one that never ends is a leak.
//!
//! Each clause is a function in [`threads`], [`tasks`] and [`blocking`] (for a task
//! flavour whose checks run on tokio's blocking pool), taking the file under test, the
//! watcher's `new` and its `wait_ready`. [`contract!`](crate::contract) stamps out one
//! `#[test]` per clause: the tests of `fixed` run it on every fix, the exercises on the
//! learner's file, and the red tests of `leaky` the clauses each pattern breaks.
//!
//! A check never hangs: a call that has not returned [`HANG_LIMIT`] after its deadline
//! fails the check, saying what the call was still waiting for. A failure names the file
//! to edit and the clause it broke, once, without a backtrace.

pub mod blocking;
pub mod tasks;
pub mod threads;

use std::fmt::Display;

pub(crate) use crate::words::human;
use std::time::Duration;

/// How long after its deadline a call may still be running before the check calls it
/// hung (real time for threads, tokio's paused clock for tasks).
pub const HANG_LIMIT: Duration = Duration::from_secs(3);

/// The clauses, as a failure names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clause {
    /// A call returns by its deadline.
    ReturnsByItsDeadline,
    /// A call is answered ready once its own check passes.
    AnsweredReady,
    /// A call never takes an answer meant for another call.
    NoAnswerMeantForAnother,
    /// Nothing a call starts outlives it.
    LeavesNothingBehind,
}

impl Display for Clause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Clause::ReturnsByItsDeadline => "a call returns by its deadline",
            Clause::AnsweredReady => "a call is answered ready once its own check passes",
            Clause::NoAnswerMeantForAnother => {
                "a call never takes an answer meant for another call"
            }
            Clause::LeavesNothingBehind => "nothing a call starts outlives it",
        })
    }
}

/// A clause broken: which file broke it, and how. Its `Display` and `Debug` are what the
/// learner reads.
pub struct Broken {
    file: String,
    clause: Clause,
    how: String,
}

impl Display for Broken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let how = crate::words::wrap(&self.how, crate::words::COLUMNS);
        write!(
            f,
            "{} breaks the contract:\n{}.\n{how}",
            self.file, self.clause
        )
    }
}

impl std::fmt::Debug for Broken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        Display::fmt(self, f)
    }
}

/// Fails the check: unwinds with the [`Broken`] clause as the payload, without a panic
/// message of its own. [`check`] prints it, once, when the unwinding reaches the test;
/// a check run in a process of its own hands it to `checker::isolated` instead.
pub(crate) fn broke(file: &str, clause: Clause, how: impl Display) -> ! {
    let broken = Broken {
        file: file.to_owned(),
        clause,
        how: how.to_string(),
    };
    std::panic::resume_unwind(Box::new(broken))
}

/// Runs `body`, and turns a clause it breaks into an `Err`: what a body given to
/// `checker::isolated` returns, so that the parent process prints it once. Any other
/// panic goes on unwinding.
pub(crate) fn caught(body: impl FnOnce()) -> Result<(), Broken> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(body)) {
        Ok(()) => Ok(()),
        Err(payload) => match payload.downcast::<Broken>() {
            Ok(broken) => Err(*broken),
            Err(payload) => std::panic::resume_unwind(payload),
        },
    }
}

/// Runs one check for a test: a clause it breaks is printed once, naming the file and the
/// clause, and fails the test without a panic message or backtrace note pointing into
/// this crate. [`contract!`](crate::contract) wraps every clause in it.
pub fn check(clause: impl FnOnce()) {
    if let Err(broken) = caught(clause) {
        eprintln!("{broken}");
        std::panic::resume_unwind(Box::new(format!(
            "{} breaks the contract: {}",
            broken.file, broken.clause
        )));
    }
}

/// Runs `first` on this thread and the `others` side by side on threads of their own
/// (the clauses of a check mostly wait), and fails as the first of them that fails. The
/// one that must run on the test's own thread goes `first`: `checker::isolated` knows the
/// test by its thread.
///
/// Where `first` counts the threads of this process itself (in the child that
/// `checker::isolated` starts, and under nextest), nothing runs beside it: the others'
/// threads would be counted as its own. The child runs `first` alone, since the others
/// run in the parent; under nextest they run after it.
pub(crate) fn side_by_side(first: &dyn Fn(), others: &[&(dyn Fn() + Sync)]) {
    if checker::in_isolated_child() {
        return first();
    }
    if crate::runs_alone() {
        first();
        return others.iter().for_each(|clause| clause());
    }
    let failed = std::thread::scope(|scope| {
        let running: Vec<_> = others.iter().map(|clause| scope.spawn(clause)).collect();
        let first = std::panic::catch_unwind(std::panic::AssertUnwindSafe(first)).err();
        let others = running.into_iter().filter_map(|clause| clause.join().err());
        first.into_iter().chain(others).next()
    });
    if let Some(payload) = failed {
        std::panic::resume_unwind(payload);
    }
}

/// The file a pattern's module lives in, from the workspace root, as `stringify!` spells
/// the module path: `fixed :: blocked_send :: cancel :: threads` is
/// `fixed/src/blocked_send/cancel/threads.rs`.
pub fn file_of(module: &str) -> String {
    let mut parts = module.split("::").map(str::trim);
    let krate = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    format!("{krate}/src/{}.rs", rest.join("/"))
}

/// Stamps out one `#[test]` per clause of the [contract](crate::contract) for a
/// watcher: `contract!(threads, fixed::blocked_send::cancel::threads)` checks the
/// `Watcher` of that module; `tasks` and `blocking` name the other flavours. The file
/// under test is the module's, or the one given after `file =` (an exercise's). A list
/// of clause names in brackets runs those alone; `whole` runs every clause side by side in
/// one test (`keeps_the_whole_contract`), which is quicker where many watchers are checked;
/// attributes (`#[ignore = "..."]`) go last.
/// Call it inside a module of its own: the test names are the clauses'.
#[macro_export]
macro_rules! contract {
    ($flavor:ident, $($module:ident)::+ $(, #[$meta:meta])*) => {
        $crate::contract!(@tests $flavor, [$($module)::+],
            $crate::contract::file_of(stringify!($($module)::+)), [
            a_call_returns_by_its_deadline,
            a_call_is_answered_ready_once_its_check_passes,
            a_call_never_takes_an_answer_meant_for_another,
            nothing_a_call_starts_outlives_it
        ], [$(#[$meta])*]);
    };
    ($flavor:ident, $($module:ident)::+, file = $file:expr $(, #[$meta:meta])*) => {
        $crate::contract!(@tests $flavor, [$($module)::+], ::std::string::String::from($file), [
            a_call_returns_by_its_deadline,
            a_call_is_answered_ready_once_its_check_passes,
            a_call_never_takes_an_answer_meant_for_another,
            nothing_a_call_starts_outlives_it
        ], [$(#[$meta])*]);
    };
    ($flavor:ident, $($module:ident)::+, whole) => {
        #[test]
        fn keeps_the_whole_contract() {
            $crate::contract::check(|| {
                $crate::contract::$flavor::the_whole_contract(
                    $crate::contract::file_of(stringify!($($module)::+)),
                    $($module)::+::Watcher::new,
                    $($module)::+::Watcher::wait_ready,
                )
            });
        }
    };
    ($flavor:ident, $($module:ident)::+, [$($clause:ident),+ $(,)?] $(, #[$meta:meta])*) => {
        $crate::contract!(@tests $flavor, [$($module)::+],
            $crate::contract::file_of(stringify!($($module)::+)), [$($clause),+],
            [$(#[$meta])*]);
    };
    (@tests $flavor:ident, $module:tt, $file:expr, [$($clause:ident),+], $metas:tt) => {
        $(
            $crate::contract!(@test $flavor, $module, $file, $clause, $metas);
        )+
    };
    // The leak clause on threads runs in a process of its own (`checker::isolated`), whose
    // failure the test prints once, at the line that called it: called here, without a
    // closure between, that line is the test's (`#[track_caller]` on the clause).
    (@test threads, $module:tt, $file:expr, nothing_a_call_starts_outlives_it, $metas:tt) => {
        $crate::contract!(@isolated threads, $module, $file, $metas);
    };
    (@test blocking, $module:tt, $file:expr, nothing_a_call_starts_outlives_it, $metas:tt) => {
        $crate::contract!(@isolated blocking, $module, $file, $metas);
    };
    (@isolated $flavor:ident, [$($module:ident)::+], $file:expr, [$(#[$meta:meta])*]) => {
        $(#[$meta])*
        #[test]
        fn nothing_a_call_starts_outlives_it() {
            $crate::contract::$flavor::nothing_a_call_starts_outlives_it(
                $file,
                $($module)::+::Watcher::new,
                $($module)::+::Watcher::wait_ready,
            );
        }
    };
    (@test $flavor:ident, [$($module:ident)::+], $file:expr, $clause:ident,
        [$(#[$meta:meta])*]) => {
        $(#[$meta])*
        #[test]
        fn $clause() {
            $crate::contract::check(|| {
                $crate::contract::$flavor::$clause(
                    $file,
                    $($module)::+::Watcher::new,
                    $($module)::+::Watcher::wait_ready,
                )
            });
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_module_path_names_its_file_from_the_workspace_root() {
        assert_eq!(
            file_of("fixed :: blocked_send :: cancel :: threads"),
            "fixed/src/blocked_send/cancel/threads.rs"
        );
        assert_eq!(
            file_of("leaky::take_first::tasks"),
            "leaky/src/take_first/tasks.rs"
        );
    }
}
