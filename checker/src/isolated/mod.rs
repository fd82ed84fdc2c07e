//! Running one test alone in its own process, so that its thread verdict is exact.
//!
//! `cargo test` runs the tests of a binary on parallel threads of one process; every thread
//! one test spawns is visible to every other test's snapshot. [`isolated`] re-runs the
//! current test in a child process of the same binary, filtered to that one test, and
//! relays the child's output and verdict. The child knows it is the child from an
//! environment variable, which is also what stops it from recursing.
//!
//! Here is what both sides share: the public calls, and where a body runs. The two
//! processes are in [`parent`] (starting the child, waiting for it, relaying it) and
//! [`child`] (running each body between marker lines, spelled in [`marks`]), and the
//! short backtrace the child prints for a body's panic is in [`backtrace`].

mod backtrace;
mod child;
mod marks;
mod parent;

use std::cell::Cell;
use std::env;
use std::fmt;
use std::panic::Location;
use std::thread;
use std::time::Duration;

use crate::fail::fail_at;

pub(crate) use child::keep_failure;

/// Set in the child to the name of the test it runs.
const CHILD_ENV: &str = "CHECKER_ISOLATED_TEST";
/// cargo-nextest runs each test in a process of its own and says so here.
const NEXTEST_MODE_ENV: &str = "NEXTEST_EXECUTION_MODE";

thread_local! {
    /// How many calls of `isolated` this test thread has made. The child counts its calls
    /// the same way, so the parent's n-th call reads the child's n-th body.
    static CALLS: Cell<usize> = const { Cell::new(0) };
    /// Set while a body runs: an `isolated` inside it is already alone, and runs in place.
    static IN_BODY: Cell<bool> = const { Cell::new(false) };
}

/// What the body of [`isolated`] may return: nothing, or a `Result` whose error fails the
/// test, as a test function's own `Result` does (the error is shown with `Debug`, and a
/// [`LeakReport`](crate::LeakReport)'s `Debug` is its readable report).
pub trait Outcome {
    /// `Err` with what to show when the body failed.
    fn into_failure(self) -> Result<(), String>;
}

impl Outcome for () {
    fn into_failure(self) -> Result<(), String> {
        Ok(())
    }
}

impl<E: fmt::Debug> Outcome for Result<(), E> {
    fn into_failure(self) -> Result<(), String> {
        self.map_err(|e| format!("{e:?}"))
    }
}

/// Runs `body` in a process that runs nothing but the current test.
///
/// Under `cargo test`, tests share one process, so a thread another test spawns looks like a
/// leak of yours. `isolated` starts the test binary again, filtered to the current test, and
/// runs `body` there; the child's output is relayed as this test's own, and a panic in the
/// child fails this test with the child's message, printed once (so
/// `#[should_panic(expected = ...)]` works as usual). `body` may also return a `Result`,
/// such as a verdict: an `Err` fails the test with the error, and the failure points at
/// the line that called `isolated`.
///
/// It runs `body` in place, without a child, when the process already runs this test
/// alone: inside that child, under cargo-nextest (a process per test), or on a thread that
/// is not a test harness's (such as `main`, as in these examples).
///
/// A test may call `isolated` more than once. The first call runs the test again in a
/// child, whole, every body in turn; each call takes the verdict of its own body there
/// (the n-th call, the child's n-th body). So the test must make the same calls in the
/// same order each time it runs, and each body's verdict is taken after the bodies before
/// it have run in the same child.
///
/// The child is this binary run as `NAME --exact --include-ignored --test-threads=1
/// --nocapture`: exactly this test, even when it is `#[ignore]`d and was asked for with
/// `--ignored`, with its output uncaptured so that all of it comes back. That output is
/// relayed into this test's own, so this test's harness flags apply to it as to any other
/// output of the test: with `--nocapture` it shows at once, by default only on failure,
/// with `--show-output` on success too. The child's own harness lines are left out, and a
/// panic of the body is printed once: its message and place, and under `RUST_BACKTRACE`
/// the child's backtrace (the one that shows the body's frames), with no second one from
/// this process.
///
/// # Examples
///
/// In a `#[test] fn`: a verdict returned from the body fails the test with the checker's
/// report.
///
/// ```
/// checker::isolated(|| {
///     let before = checker::ThreadSnapshot::take();
///     std::thread::spawn(|| {}).join().unwrap();
///     before.verify(&checker::Options::default())
/// });
/// ```
///
/// The body may also check with `unwrap`, `assert!`, or a
/// [`ThreadGuard`](crate::ThreadGuard), and return nothing:
///
/// ```
/// checker::isolated(|| {
///     let _guard = checker::ThreadGuard::new(checker::Options::default());
///     std::thread::spawn(|| {}).join().unwrap();
/// });
/// ```
///
/// To bound the child's run, see [`isolated_within`].
///
/// # Panics
///
/// When the body panics (here or in the child), with the body's message; when it returns
/// an `Err`, with the error; when the child cannot be started, ran no test of this name,
/// or ended inside the body.
#[track_caller]
pub fn isolated<O: Outcome>(body: impl FnOnce() -> O) {
    run(None, body);
}

/// [`isolated`], with a limit on the child process: a child still running `limit` after
/// it was started is killed, and the test fails saying so, with what the child printed.
///
/// For a check that must end however the code under test behaves: a body that hangs
/// (a thread joined that never ends, a deadlock) fails the test after `limit` instead of
/// holding it forever. The limit is the child's whole run, which is the whole test, every
/// body in turn: it is taken from the first call of a test, and the calls after it read
/// the same run.
///
/// Where the body runs in place (inside the child, under cargo-nextest, or off a test
/// harness's thread) there is no child to kill, and the limit is not applied: nextest's
/// own `slow-timeout` with `terminate-after` bounds a test there.
///
/// # Examples
///
/// In a `#[test] fn`:
///
/// ```
/// use std::time::Duration;
///
/// checker::isolated_within(Duration::from_secs(60), || {
///     let before = checker::ThreadSnapshot::take();
///     std::thread::spawn(|| {}).join().unwrap();
///     before.verify(&checker::Options::default())
/// });
/// ```
///
/// # Panics
///
/// As [`isolated`] does, and when the child runs past `limit`.
#[track_caller]
pub fn isolated_within<O: Outcome>(limit: Duration, body: impl FnOnce() -> O) {
    run(Some(limit), body);
}

#[track_caller]
fn run<O: Outcome>(limit: Option<Duration>, body: impl FnOnce() -> O) {
    if IN_BODY.get() {
        return run_here(body);
    }
    let call = CALLS.get();
    CALLS.set(call + 1);
    match place() {
        Place::Here => run_here(body),
        Place::Child => child::run_marked(call, Location::caller(), body),
        Place::Parent(test) => parent::run_in_child(&test, call, limit),
    }
}

enum Place {
    /// Nothing else runs in this process: run the body as it is.
    Here,
    /// This process is the child: run the body between the markers.
    Child,
    /// This is a test thread among others: re-run the named test in a child.
    Parent(String),
}

fn place() -> Place {
    if env::var_os(CHILD_ENV).is_some() {
        return Place::Child;
    }
    if under_nextest() {
        return Place::Here;
    }
    // libtest names each test's thread after the test's full path.
    match thread::current().name() {
        Some(name) if name != "main" => Place::Parent(name.to_owned()),
        _ => Place::Here,
    }
}

/// Whether this process runs the current test alone, so that a thread count taken in it
/// sees that test's threads only: it is the child process that [`isolated`] started, or
/// cargo-nextest runs each test in a process of its own.
pub(crate) fn runs_alone() -> bool {
    in_isolated_child() || under_nextest()
}

/// Whether this process is the child that [`isolated`] started to run the current test
/// again. The whole test runs there, so code outside the `isolated` block runs twice:
/// once here and once in the parent. A test that does other work beside the block can
/// leave it to the parent, where it does not share the child's thread count.
///
/// In a `#[test] fn`:
///
/// ```
/// if !checker::in_isolated_child() {
///     assert_eq!(2 + 2, 4); // checked once, in the parent
/// }
/// checker::isolated(|| {
///     let before = checker::ThreadSnapshot::take();
///     std::thread::spawn(|| {}).join().unwrap();
///     before.verify(&checker::Options::default())
/// });
/// ```
pub fn in_isolated_child() -> bool {
    env::var_os(CHILD_ENV).is_some()
}

fn under_nextest() -> bool {
    env::var(NEXTEST_MODE_ENV).is_ok_and(|mode| mode == "process-per-test")
}

/// Marks the current thread as running a body, until dropped (also when it unwinds).
struct InBody;

impl InBody {
    fn enter() -> Self {
        IN_BODY.set(true);
        InBody
    }
}

impl Drop for InBody {
    fn drop(&mut self) {
        IN_BODY.set(false);
    }
}

#[track_caller]
fn run_here<O: Outcome>(body: impl FnOnce() -> O) {
    let at = Location::caller();
    let outcome = {
        let _in_body = InBody::enter();
        body().into_failure()
    };
    if let Err(failure) = outcome {
        fail_at(at, failure, "");
    }
}
