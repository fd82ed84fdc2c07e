//! The contract every fix keeps, checked in situations made from a seed.
//!
//! A watcher is built once, with `new(probe, tick)`, and asked many times, with
//! `wait_ready(&self, timeout)`, by several callers at once and by one caller after
//! another. Each of its calls must:
//!
//! 1. **return by its deadline**, whatever the service does: within a tick of it on
//!    tokio's paused clock; on real threads, most calls within 10 ms of it and none later
//!    than 250 ms (not counting stretches in which the process did not run), since a busy
//!    machine, not the fix, decides the last milliseconds;
//! 2. **be answered ready once its own check passes**, and only then: a call given time
//!    enough while the service is up is answered `Ok(())`, and a call says ready only once
//!    a check has said so;
//! 3. **never take an answer meant for another call**: a call's "ready" comes from a check
//!    that started after the call was made, never from one an earlier call started;
//! 4. **leave nothing behind**: once a call has returned, answered or timed out, what it
//!    started ends within the check it has in flight and one tick, however long the
//!    call's timeout was; the service is checked at most once more for it. A call whose
//!    future its caller drops may leave a worker that has no way to hear of it finishing
//!    until the call's own deadline (and its check in flight), and no later. A watcher may
//!    own a worker of its own, one that does nothing while no call waits and ends when the
//!    watcher is dropped; nothing may grow with the number of calls. Dropping the watcher,
//!    on a plain thread or inside async code, returns at once and leaves nothing.
//!
//! A panic in anything a call started, or in the watcher's drop, fails the clause being
//! checked, naming the thread and the line.
//!
//! Each clause is checked by a function in [`threads`], [`tasks`] and [`blocking`] (for a
//! task flavour whose checks run on tokio's blocking pool): it plays schedules made from a
//! [`Seed`] (calls that overlap, from one caller or many, with different deadlines, some
//! dropped half-way; a service that is up at once, comes up later, never does, or goes down
//! again; checks held or slow while deadlines pass) and judges every call by what happened:
//! the answers, and the probe's record of every check. Tasks play hundreds of calls on
//! tokio's paused clock; threads play as many as a few seconds of real time allow, with the
//! probe's gate keeping each call short. A failure names the file, the clause and the
//! call, and prints the seed and the schedule: the same seed plays it again. `cargo test`
//! and CI use a fixed seed; `CONTRACT_SEED` sets another.
//!
//! A check never hangs: a call that has not returned [`HANG_LIMIT`] after its deadline, or
//! a watcher whose drop has not returned after it, fails the check, saying which step and
//! where the threads involved wait; behind those, a clause's process is stopped after
//! [`PROCESS_LIMIT`].
//!
//! [`contract!`](crate::contract) stamps out one `#[test]` per clause, each in a process
//! of its own: the exercises' checks and the red tests of `leaky` use it. The tests of
//! `fixed` check every clause side by side in one test per fix (`whole`), each playing a
//! few of its schedules ([`Effort::Sweep`]): CI plays every solution through the
//! exercises' full checks.

pub mod blocking;
mod judge;
mod panics;
mod say;
mod schedule;
mod stalls;
pub mod tasks;
pub mod threads;

use std::fmt::Display;
use std::time::Duration;

use futures_util::future::LocalBoxFuture;

use crate::TimedOut;

pub(crate) use crate::words::human;
pub use schedule::{FIXED_SEED, SEED_ENV, Seed};

/// An async watcher with the call the check makes on it, as one type for every watcher:
/// the task and blocking checks are compiled once, not once for each of the hundreds of
/// watchers a test target may check.
pub(crate) trait Watched {
    fn wait_ready(&self, timeout: Duration) -> LocalBoxFuture<'_, Result<(), TimedOut>>;
}

/// A watcher and its `wait_ready`, shared by the watchers of one check: a [`Watched`] here,
/// and a `threads::Answers` in the thread checks.
pub(crate) struct Bound<W, C> {
    pub(crate) watcher: W,
    pub(crate) call: std::sync::Arc<C>,
}

impl<W, C> Watched for Bound<W, C>
where
    C: AsyncFn(&W, Duration) -> Result<(), TimedOut>,
{
    fn wait_ready(&self, timeout: Duration) -> LocalBoxFuture<'_, Result<(), TimedOut>> {
        Box::pin((self.call)(&self.watcher, timeout))
    }
}

/// How long a clause's process of its own may run, all steps together, before it is
/// stopped and the test fails saying so: a backstop behind every step's own limit (a
/// clause takes a few seconds at most).
pub const PROCESS_LIMIT: Duration = Duration::from_secs(60);

/// How long after its deadline a call may still be running, or a watcher's drop, before
/// the check calls it hung (real time for threads, tokio's paused clock for tasks; a task
/// check's runtime is also given this much real time between two steps).
pub const HANG_LIMIT: Duration = Duration::from_secs(3);

/// How many schedules a clause plays: all of them (an exercise's check, the red tests,
/// and CI's proof of every solution), or an eighth, for a quick sweep over many watchers
/// (the tests of `fixed`, which CI also proves in full).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effort {
    /// Every schedule.
    Full,
    /// An eighth of them, the first ones.
    Sweep,
}

impl Effort {
    /// How many of `all` schedules to play.
    pub(crate) fn of(self, all: usize) -> usize {
        match self {
            Effort::Full => all,
            Effort::Sweep => all.div_ceil(8),
        }
    }
}

/// The clauses, as a failure names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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

impl Clause {
    /// Every clause, in the contract's order.
    pub const ALL: [Clause; 4] = [
        Clause::ReturnsByItsDeadline,
        Clause::AnsweredReady,
        Clause::NoAnswerMeantForAnother,
        Clause::LeavesNothingBehind,
    ];

    /// The clause a sentence names, as [`Display`] writes it.
    pub fn from_words(words: &str) -> Option<Clause> {
        Clause::ALL
            .into_iter()
            .find(|clause| clause.to_string() == words.trim().trim_end_matches('.'))
    }

    /// The name of the test that checks it.
    pub fn test_name(self) -> &'static str {
        match self {
            Clause::ReturnsByItsDeadline => "a_call_returns_by_its_deadline",
            Clause::AnsweredReady => "a_call_is_answered_ready_once_its_check_passes",
            Clause::NoAnswerMeantForAnother => "a_call_never_takes_an_answer_meant_for_another",
            Clause::LeavesNothingBehind => "nothing_a_call_starts_outlives_it",
        }
    }

    /// A short name for a seed's stream.
    fn salt(self) -> &'static str {
        self.test_name()
    }
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

impl Broken {
    /// The clause broken.
    pub fn clause(&self) -> Clause {
        self.clause
    }
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
/// message of its own (and without running the panic hook, so that a clause's own failure
/// is never taken for a panic in the code under test). [`check`] prints it, once, when the
/// unwinding reaches the test; a check run in a process of its own hands it to
/// `checker::isolated` instead.
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
pub fn caught(body: impl FnOnce()) -> Result<(), Broken> {
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

/// Runs every clause, `run(clause)` each, side by side on threads of their own (the clauses
/// mostly wait), and fails as the first of them that fails. The leak clause counts the
/// threads of its process, so it runs in a process of its own (`checker::isolated`), on
/// the test's own thread, which is how `isolated` knows the test.
pub fn whole(run: &(dyn Fn(Clause) + Sync)) {
    let leak = || {
        checker::isolated_within(PROCESS_LIMIT, || {
            caught(|| run(Clause::LeavesNothingBehind))
        })
    };
    if checker::in_isolated_child() {
        // The child runs the test again for the leak clause alone; the others run in the
        // parent.
        return leak();
    }
    if crate::runs_alone() {
        // Under nextest: nothing may run beside the leak clause, so the others follow it.
        leak();
        return Clause::ALL[..3].iter().for_each(|&clause| run(clause));
    }
    let failed = std::thread::scope(|scope| {
        let others: Vec<_> = Clause::ALL[..3]
            .iter()
            .map(|&clause| scope.spawn(move || run(clause)))
            .collect();
        let leak = std::panic::catch_unwind(std::panic::AssertUnwindSafe(leak)).err();
        let others = others.into_iter().filter_map(|clause| clause.join().err());
        leak.into_iter().chain(others).next()
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

/// The seed for this run, or the check fails saying how to set it right.
pub(crate) fn seed(file: &str, clause: Clause) -> Seed {
    Seed::from_env().unwrap_or_else(|why| broke(file, clause, why))
}

/// Stamps out one `#[test]` per clause of the [contract](crate::contract) for a
/// watcher, each run in a process of its own (`checker::isolated`):
/// `contract!(threads, fixed::blocked_send::cancel::threads)` checks the `Watcher` of that
/// module; `tasks` and `blocking` name the other flavours. The file under test is the
/// module's, or the one given after `file =` (an exercise's). A list of clause names in
/// brackets runs those alone; `whole` runs every clause side by side in one test
/// (`keeps_the_whole_contract`), which is quicker where many watchers are checked;
/// attributes (`#[ignore = "..."]`) go last. Call it inside a module of its own: the test
/// names are the clauses'.
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
            let file = $crate::contract::file_of(stringify!($($module)::+));
            $crate::contract::check(|| {
                $crate::contract::whole(&|clause| {
                    $crate::contract::$flavor::clause_with(
                        $crate::contract::Effort::Sweep,
                        clause,
                        &file,
                        $($module)::+::Watcher::new,
                        $($module)::+::Watcher::wait_ready,
                    )
                })
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
    // Each clause runs in a process of its own, whose failure the test prints once, at
    // the line that called `isolated`: this one, in the test.
    (@test $flavor:ident, [$($module:ident)::+], $file:expr, $clause:ident,
        [$(#[$meta:meta])*]) => {
        $(#[$meta])*
        #[test]
        fn $clause() {
            let file = $file;
            let clause = $crate::contract::Clause::ALL
                .into_iter()
                .find(|clause| clause.test_name() == stringify!($clause))
                .expect("a clause of the contract");
            ::checker::isolated_within($crate::contract::PROCESS_LIMIT, || {
                $crate::contract::caught(|| {
                    $crate::contract::$flavor::clause(
                        clause,
                        &file,
                        $($module)::+::Watcher::new,
                        $($module)::+::Watcher::wait_ready,
                    )
                })
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

    #[test]
    fn a_clause_is_found_by_its_words_and_its_test() {
        for clause in Clause::ALL {
            assert_eq!(Clause::from_words(&format!("{clause}.")), Some(clause));
        }
        assert_eq!(Clause::from_words("a call returns eventually"), None);
    }
}
