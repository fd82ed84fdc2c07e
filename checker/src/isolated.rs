//! Running one test alone in its own process, so that its thread verdict is exact.
//!
//! `cargo test` runs the tests of a binary on parallel threads of one process; every thread
//! one test spawns is visible to every other test's snapshot. [`isolated`] re-runs the
//! current test in a child process of the same binary, filtered to that one test, and
//! relays the child's output and verdict. The child knows it is the child from an
//! environment variable, which is also what stops it from recursing.

use std::env;
use std::fmt;
use std::panic::{self, AssertUnwindSafe};
use std::process::{Command, Stdio};
use std::thread;

/// Set in the child to the name of the test it runs.
const CHILD_ENV: &str = "CHECKER_ISOLATED_TEST";
/// cargo-nextest runs each test in a process of its own and says so here.
const NEXTEST_MODE_ENV: &str = "NEXTEST_EXECUTION_MODE";

/// The child brackets the body's output with these lines, on stdout and on stderr, so that
/// the parent relays the body's output and none of the test harness's own lines.
const BEGIN: &str = "\u{1}checker::isolated begin\u{1}";
const END_OK: &str = "\u{1}checker::isolated end: ok\u{1}";
const END_PANICKED: &str = "\u{1}checker::isolated end: panicked\u{1}";
const END_FAILED: &str = "\u{1}checker::isolated end: failed\u{1}";

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
/// child fails this test with the child's message (so `#[should_panic(expected = ...)]`
/// works as usual). `body` may also return a `Result`, such as a verdict: an `Err` fails
/// the test with the error, and the failure points at the line that called `isolated`.
///
/// It runs `body` in place, without a child, when the process already runs this test
/// alone: inside that child, under cargo-nextest (a process per test), or on a thread that
/// is not a test harness's (such as `main`).
///
/// The child is this binary run as `NAME --exact --include-ignored --test-threads=1
/// --nocapture`: exactly this test, even when it is `#[ignore]`d and was asked for with
/// `--ignored`, with its output uncaptured so that all of it comes back. That output is
/// relayed into this test's own, so this test's harness flags apply to it as to any other
/// output of the test: with `--nocapture` it shows at once, by default only on failure,
/// with `--show-output` on success too. The child's own harness lines are left out.
///
/// # Examples
///
/// ```no_run
/// #[test]
/// fn the_worker_is_joined() {
///     checker::isolated(|| {
///         let before = checker::ThreadSnapshot::take();
///         std::thread::spawn(|| {}).join().unwrap();
///         before.verify(&checker::Options::default()).unwrap();
///     });
/// }
/// ```
///
///
/// A verdict returned from the body fails the test with the checker's report:
///
/// ```no_run
/// #[test]
/// fn the_worker_is_joined() {
///     checker::isolated(|| {
///         let before = checker::ThreadSnapshot::take();
///         std::thread::spawn(|| {}).join().unwrap();
///         before.verify(&checker::Options::default())
///     });
/// }
/// ```
///
/// # Panics
///
/// When the body panics (here or in the child), with the body's message; when it returns
/// an `Err`, with the error; when the child cannot be started, or ran no test of this name.
#[track_caller]
pub fn isolated<O: Outcome>(body: impl FnOnce() -> O) {
    match place() {
        Place::Here => {
            if let Err(failure) = body().into_failure() {
                panic!("{failure}");
            }
        }
        Place::Child => run_marked(body),
        Place::Parent(test) => run_in_child(&test),
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
    if env::var(NEXTEST_MODE_ENV).is_ok_and(|mode| mode == "process-per-test") {
        return Place::Here;
    }
    // libtest names each test's thread after the test's full path.
    match thread::current().name() {
        Some(name) if name != "main" => Place::Parent(name.to_owned()),
        _ => Place::Here,
    }
}

/// Runs the body between the markers. A body that returns an error prints it and ends
/// with [`END_FAILED`], without a panic of its own: the parent panics, at the test's line.
fn run_marked<O: Outcome>(body: impl FnOnce() -> O) {
    println!("\n{BEGIN}");
    eprintln!("\n{BEGIN}");
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| body().into_failure()));
    let end = match &outcome {
        Ok(Ok(())) => END_OK,
        Ok(Err(failure)) => {
            eprintln!("{failure}");
            END_FAILED
        }
        Err(_) => END_PANICKED,
    };
    println!("\n{end}");
    eprintln!("\n{end}");
    if let Err(payload) = outcome {
        panic::resume_unwind(payload);
    }
}

#[track_caller]
fn run_in_child(test: &str) {
    let exe = env::current_exe().unwrap_or_else(|e| {
        panic!("checker::isolated: cannot find this test binary to re-run `{test}`: {e}")
    });
    let output = Command::new(&exe)
        .arg(test)
        .args([
            "--exact",
            "--include-ignored",
            "--test-threads=1",
            "--nocapture",
        ])
        .env(CHILD_ENV, test)
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "checker::isolated: cannot start {} to re-run `{test}`: {e}",
                exe.display()
            )
        });
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let (out, out_end) = between_markers(&stdout);
    let (err, _) = between_markers(&stderr);
    print!("{out}");
    match out_end {
        Some(END_OK) if output.status.success() => eprint!("{err}"),
        Some(END_OK) => panic!(
            "`{test}` passed in its own process (checker::isolated), which then exited with \
             {}:\n{err}",
            output.status
        ),
        Some(_) => panic!("`{test}` failed in its own process (checker::isolated):\n{err}"),
        None => panic!(
            "checker::isolated: the child process ({}) did not run test `{test}` to its end \
             ({}); its output:\n{stdout}{stderr}",
            exe.display(),
            output.status
        ),
    }
}

/// The lines between the begin marker and an end marker, and which end marker closed them
/// (`None` if the body never finished: it was not run, or the process died).
fn between_markers(text: &str) -> (String, Option<&'static str>) {
    let mut inside = false;
    let mut kept = String::new();
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        if bare == BEGIN {
            inside = true;
            kept.clear();
        } else if let Some(end) = [END_OK, END_PANICKED, END_FAILED]
            .into_iter()
            .find(|m| bare == *m)
        {
            // The marker's own leading newline is the child's, not the body's.
            if kept.ends_with("\n\n") || kept == "\n" {
                kept.pop();
            }
            return (kept, Some(end));
        } else if inside {
            kept.push_str(line);
        }
    }
    (kept, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_bodys_lines_are_relayed() {
        let text = format!(
            "running 1 test\ntest a::b ... \n{BEGIN}\nhello\nworld\n\n{END_OK}\nok\n\ntest result: ok."
        );
        assert_eq!(
            between_markers(&text),
            ("hello\nworld\n".to_owned(), Some(END_OK))
        );
    }

    #[test]
    fn a_body_that_never_ended_is_told_apart() {
        let text = format!("{BEGIN}\npartial\n");
        assert_eq!(between_markers(&text), ("partial\n".to_owned(), None));
        assert_eq!(between_markers("running 0 tests\n"), (String::new(), None));
    }
}
