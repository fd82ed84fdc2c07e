//! Running one test alone in its own process, so that its thread verdict is exact.
//!
//! `cargo test` runs the tests of a binary on parallel threads of one process; every thread
//! one test spawns is visible to every other test's snapshot. [`isolated`] re-runs the
//! current test in a child process of the same binary, filtered to that one test, and
//! relays the child's output and verdict. The child knows it is the child from an
//! environment variable, which is also what stops it from recursing.

use std::cell::{Cell, RefCell};
use std::env;
use std::fmt;
use std::panic::{self, AssertUnwindSafe, Location};
use std::process::{Command, ExitStatus, Output, Stdio};
use std::rc::Rc;
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;

use crate::context::{Hook, restore_hook};
use crate::fail::fail_at;

/// Set in the child to the name of the test it runs.
const CHILD_ENV: &str = "CHECKER_ISOLATED_TEST";
/// cargo-nextest runs each test in a process of its own and says so here.
const NEXTEST_MODE_ENV: &str = "NEXTEST_EXECUTION_MODE";

/// The child brackets each body's output with marker lines, on stdout and on stderr, so
/// that the parent relays the body's output and none of the test harness's own lines. A
/// marker line is `MARK`, the number of the call it belongs to (`isolated` may be called
/// more than once in a test), and a [`Mark`]: what it marks.
const MARK: &str = "\u{1}checker::isolated ";

/// What a marker line marks. The child writes it with `Display` and the parent reads it
/// back with [`Mark::parse`]: the protocol's words are spelled in those two places only.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Mark {
    /// The body begins; what follows is its output.
    Begin,
    /// The body panicked here; what follows is the panic's message.
    PanickedAt(String),
    /// The body returned an error; what follows is the error.
    Failed,
    /// What follows is the backtrace of the body's panic.
    Backtrace,
    /// The body ended, and how.
    End(Ending),
}

/// How a body that ran to its end in the child ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    Ok,
    Panicked,
    Failed,
}

impl Mark {
    const PANICKED_AT: &str = "panicked at ";

    /// The mark a marker line's text names; `None` for any other text.
    fn parse(what: &str) -> Option<Self> {
        Some(match what {
            "begin" => Mark::Begin,
            "failed" => Mark::Failed,
            "backtrace" => Mark::Backtrace,
            "end: ok" => Mark::End(Ending::Ok),
            "end: panicked" => Mark::End(Ending::Panicked),
            "end: failed" => Mark::End(Ending::Failed),
            _ => Mark::PanickedAt(what.strip_prefix(Self::PANICKED_AT)?.to_owned()),
        })
    }
}

impl fmt::Display for Mark {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Mark::Begin => f.write_str("begin"),
            Mark::PanickedAt(at) => write!(f, "{}{at}", Self::PANICKED_AT),
            Mark::Failed => f.write_str("failed"),
            Mark::Backtrace => f.write_str("backtrace"),
            Mark::End(Ending::Ok) => f.write_str("end: ok"),
            Mark::End(Ending::Panicked) => f.write_str("end: panicked"),
            Mark::End(Ending::Failed) => f.write_str("end: failed"),
        }
    }
}

thread_local! {
    /// How many calls of `isolated` this test thread has made. The child counts its calls
    /// the same way, so the parent's n-th call reads the child's n-th body.
    static CALLS: Cell<usize> = const { Cell::new(0) };
    /// Set while a body runs: an `isolated` inside it is already alone, and runs in place.
    static IN_BODY: Cell<bool> = const { Cell::new(false) };
    /// Where a failure of the body is kept, on the body's thread in the child, so that
    /// the parent prints it once.
    static KEPT: RefCell<Option<Kept>> = const { RefCell::new(None) };
}

type Kept = Arc<Mutex<Option<Caught>>>;

thread_local! {
    /// The child's run of the test on this thread, from its first `isolated` call, for the
    /// calls after it.
    static CHILD_RUN: RefCell<Option<Rc<ChildRun>>> = const { RefCell::new(None) };
}

/// One run of a test in a child process: what it printed, and how it ended.
struct ChildRun {
    test: String,
    output: Output,
    stdout: String,
    stderr: String,
}

impl ChildRun {
    /// Runs `test` of this binary (`exe`) in a child process, to its end.
    fn of(exe: &std::path::Path, test: &str) -> Self {
        let output = Command::new(exe)
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
        Self {
            test: test.to_owned(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            output,
        }
    }
}

/// Keeps a failure that this crate raises itself (with `resume_unwind`, which runs no
/// panic hook), when it happens on a body's thread in the child; `false` elsewhere.
pub(crate) fn keep_failure(at: String, message: String) -> bool {
    KEPT.with_borrow(|kept| match kept {
        Some(slot) => {
            *slot.lock().unwrap_or_else(PoisonError::into_inner) = Some(Caught {
                at,
                message,
                backtrace: None,
            });
            true
        }
        None => false,
    })
}

fn marker(call: usize, mark: &Mark) -> String {
    format!("{MARK}{call} {mark}\u{1}")
}

/// What a marker line marks, if it is one of call `call`'s.
fn marked(line: &str, call: usize) -> Option<Mark> {
    let inner = line
        .trim_end_matches(['\n', '\r'])
        .strip_prefix(MARK)?
        .strip_suffix('\u{1}')?;
    let (number, what) = inner.split_once(' ')?;
    if number.parse() != Ok(call) {
        return None;
    }
    Mark::parse(what)
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
/// # Panics
///
/// When the body panics (here or in the child), with the body's message; when it returns
/// an `Err`, with the error; when the child cannot be started, ran no test of this name,
/// or ended inside the body.
#[track_caller]
pub fn isolated<O: Outcome>(body: impl FnOnce() -> O) {
    if IN_BODY.get() {
        return run_here(body);
    }
    let call = CALLS.get();
    CALLS.set(call + 1);
    match place() {
        Place::Here => run_here(body),
        Place::Child => run_marked(call, Location::caller(), body),
        Place::Parent(test) => run_in_child(&test, call),
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
/// cargo-nextest runs each test in a process of its own. There an `isolated` body runs in
/// this process, beside whatever else the test runs.
pub fn runs_alone() -> bool {
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

/// Runs the body between the markers. A body that returns an error prints it and ends
/// with [`Ending::Failed`], without a panic of its own; a body that panics prints its message
/// (and, under `RUST_BACKTRACE`, its backtrace) once, in place of the panic hook's lines:
/// the parent fails the test with them, at the test's line.
fn run_marked<O: Outcome>(call: usize, caller: &Location<'_>, body: impl FnOnce() -> O) {
    println!("\n{}", marker(call, &Mark::Begin));
    eprintln!("\n{}", marker(call, &Mark::Begin));
    let capture = PanicCapture::install();
    let outcome = {
        let _in_body = InBody::enter();
        panic::catch_unwind(AssertUnwindSafe(|| body().into_failure()))
    };
    let caught = capture.uninstall();
    let end = match &outcome {
        Ok(Ok(())) => Ending::Ok,
        Ok(Err(failure)) => {
            eprintln!("\n{}\n{failure}", marker(call, &Mark::Failed));
            Ending::Failed
        }
        Err(payload) => {
            let (at, message) = match &caught {
                Some(caught) => (caught.at.clone(), caught.message.clone()),
                // The panic went past the hook above (the body set a hook of its own):
                // the line that called `isolated` is the nearest place known.
                None => (caller.to_string(), payload_text(payload.as_ref())),
            };
            eprintln!("\n{}\n{message}", marker(call, &Mark::PanickedAt(at)));
            if let Some(backtrace) = caught.and_then(|c| c.backtrace) {
                eprintln!("\n{}\n{backtrace}", marker(call, &Mark::Backtrace));
            }
            Ending::Panicked
        }
    };
    let end = Mark::End(end);
    println!("\n{}", marker(call, &end));
    eprintln!("\n{}", marker(call, &end));
    if let Err(payload) = outcome {
        panic::resume_unwind(payload);
    }
}

/// The text of a panic's payload, as the panic hook shows it.
fn payload_text(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "Box<dyn Any>".to_owned()
    }
}

/// What the panic hook would have printed of a panic on the body's thread.
struct Caught {
    at: String,
    message: String,
    backtrace: Option<String>,
}

/// A panic hook that keeps the body thread's latest panic instead of printing it, so
/// that the parent prints it once; panics of other threads go to the hook as before.
struct PanicCapture {
    previous: Hook,
    caught: Arc<Mutex<Option<Caught>>>,
}

impl PanicCapture {
    fn install() -> Self {
        let previous: Hook = Arc::new(panic::take_hook());
        let caught = Arc::new(Mutex::new(None::<Caught>));
        let hook = Arc::clone(&previous);
        // Whose panic to keep is read from the panicking thread's own `KEPT`, set while a
        // body runs: should this hook outlive the body (a hook set over it by another
        // thread is put back after it), it keeps nothing more and hands every panic on.
        panic::set_hook(Box::new(move |info| {
            let Some(slot) = KEPT.try_with(|kept| kept.borrow().clone()).ok().flatten() else {
                return hook(info);
            };
            let new = Caught {
                at: info
                    .location()
                    .map_or_else(String::new, ToString::to_string),
                message: payload_text(info.payload()),
                backtrace: backtrace_here(),
            };
            let mut slot = slot.lock().unwrap_or_else(PoisonError::into_inner);
            // An earlier panic on this thread was caught by the body itself, or it would
            // not have gone on: show it as the hook would have, without its backtrace.
            if let Some(earlier) = slot.replace(new) {
                let name = thread::current().name().unwrap_or("<unnamed>").to_owned();
                eprintln!(
                    "\nthread '{name}' panicked at {}:\n{}",
                    earlier.at, earlier.message
                );
            }
        }));
        KEPT.set(Some(Arc::clone(&caught)));
        Self { previous, caught }
    }

    /// Puts the previous hook back, and gives the body thread's latest panic.
    fn uninstall(self) -> Option<Caught> {
        KEPT.set(None);
        restore_hook(self.previous);
        self.caught
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
    }
}

/// The backtrace of the panic being handled, as `RUST_BACKTRACE` asks for it: none when it
/// is unset or `0`, every frame for `full`, and otherwise the frames between the panic's
/// machinery and the test harness's, as the panic hook's short backtrace shows them.
fn backtrace_here() -> Option<String> {
    let style = env::var("RUST_BACKTRACE").ok()?;
    if style == "0" {
        return None;
    }
    let full = std::backtrace::Backtrace::force_capture().to_string();
    if style == "full" {
        return Some(full);
    }
    // Frames are numbered lines ("  12: name"), each followed by its "at" lines.
    let mut frames: Vec<Vec<&str>> = Vec::new();
    for line in full.lines() {
        let numbered = line
            .trim_start()
            .split_once(": ")
            .is_some_and(|(n, _)| n.parse::<usize>().is_ok());
        match frames.last_mut() {
            Some(frame) if !numbered => frame.push(line),
            _ => frames.push(vec![line]),
        }
    }
    let names = |frame: &Vec<&str>, symbol: &str| frame[0].contains(symbol);
    let first = frames
        .iter()
        .rposition(|f| names(f, "__rust_end_short_backtrace"))
        .map_or(0, |i| i + 1);
    let last = frames
        .iter()
        .position(|f| names(f, "__rust_begin_short_backtrace"))
        .unwrap_or(frames.len());
    let mut short = String::from("stack backtrace:");
    for (i, frame) in frames.get(first..last).unwrap_or(&[]).iter().enumerate() {
        let name = frame[0]
            .trim_start()
            .split_once(": ")
            .map_or("", |(_, n)| n);
        short.push_str(&format!("\n{i:>4}: {name}"));
        for at in &frame[1..] {
            short.push('\n');
            short.push_str(at);
        }
    }
    short.push_str(
        "\nnote: Some details are omitted, run with `RUST_BACKTRACE=full` for a verbose \
         backtrace.",
    );
    Some(short)
}

#[track_caller]
fn run_in_child(test: &str, call: usize) {
    let caller = Location::caller();
    let exe = env::current_exe().unwrap_or_else(|e| {
        panic!("checker::isolated: cannot find this test binary to re-run `{test}`: {e}")
    });
    // The child runs the whole test, every body in turn: its run answers this test's
    // later calls too, so a test with several bodies starts one child, not one a body.
    let run = CHILD_RUN.with_borrow_mut(|kept| match kept {
        Some(run) if call > 0 && run.test == test => Rc::clone(run),
        _ => {
            let run = Rc::new(ChildRun::of(&exe, test));
            *kept = Some(Rc::clone(&run));
            run
        }
    });
    let ChildRun {
        output,
        stdout,
        stderr,
        ..
    } = &*run;
    let (stdout, stderr) = (stdout.as_str(), stderr.as_str());
    let out = Block::read(stdout, call);
    let err = Block::read(stderr, call);
    let raw = || format!("its output:\n{stdout}{stderr}");
    match err.end {
        End::NotBegun if call == 0 => panic!(
            "checker::isolated: the child process ({}) did not run test `{test}` ({}); {}",
            exe.display(),
            output.status,
            raw()
        ),
        End::NotBegun => panic!(
            "checker::isolated: call {} in `{test}` was not reached when the test ran in its \
             own process ({}): each run of a test must make the same calls; {}",
            call + 1,
            output.status,
            raw()
        ),
        End::Unfinished => fail_at(
            caller,
            format!(
                "`{test}`: the body of checker::isolated did not finish in its own process, \
                 which ended inside it ({}); {}",
                output.status,
                raw()
            ),
            "",
        ),
        _ => {}
    }
    print!("{}", out.output);
    eprint!("{}", err.output);
    let failure = err.failure.unwrap_or_default();
    match err.end {
        End::Ended(Ending::Ok) if output.status.success() || later_body_failed(stderr, call) => {}
        End::Ended(Ending::Ok) => {
            fail_at(caller, failed_after(test, call, output.status, stderr), "")
        }
        End::Ended(Ending::Failed) => fail_at(caller, failure.message, ""),
        _ => {
            let at = failure.panicked_at.unwrap_or_else(|| caller.to_string());
            let backtrace = match failure.backtrace {
                Some(backtrace) => format!("\n{backtrace}"),
                None if env::var("RUST_BACKTRACE").is_ok_and(|style| style != "0") => String::new(),
                None => "\nnote: run with `RUST_BACKTRACE=1` environment variable to display \
                         a backtrace"
                    .to_owned(),
            };
            fail_at(
                at,
                failure.message,
                &format!("\n(in a process of its own: checker::isolated at {caller}){backtrace}"),
            )
        }
    }
}

/// Whether a body after call `call` failed or did not finish: the call that ran it reports
/// it, so the test's failing process is not this call's fault.
fn later_body_failed(stderr: &str, call: usize) -> bool {
    (call + 1..)
        .map(|later| Block::read(stderr, later).end)
        .take_while(|end| *end != End::NotBegun)
        .any(|end| end != End::Ended(Ending::Ok))
}

/// The failure of a child whose body passed and whose test then failed outside any body:
/// what the child printed after this call's body.
fn failed_after(test: &str, call: usize, status: ExitStatus, stderr: &str) -> String {
    let end = marker(call, &Mark::End(Ending::Ok));
    let after: String = stderr
        .split_once(&end)
        .map_or("", |(_, after)| after)
        .lines()
        .filter(|line| !line.starts_with(MARK))
        .collect::<Vec<_>>()
        .join("\n");
    format!(
        "`{test}` passed this checker::isolated body in its own process, and then failed \
         there after it ({status}):\n{}",
        after.trim()
    )
}

/// How a body ended in the child, as its markers tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    /// The body's begin marker is not there: it was not run.
    NotBegun,
    /// It began and never ended: the process died inside it.
    Unfinished,
    /// It ended, as its end marker says.
    Ended(Ending),
}

/// How a body failed, as the child printed it.
#[derive(Debug, Default, PartialEq, Eq)]
struct Failure {
    /// Where it panicked, for a panic; a returned error has no place of its own.
    panicked_at: Option<String>,
    message: String,
    backtrace: Option<String>,
}

/// One body's part of the child's stdout or stderr.
#[derive(Debug, PartialEq, Eq)]
struct Block {
    /// What the body printed.
    output: String,
    failure: Option<Failure>,
    end: End,
}

impl Block {
    /// Call `call`'s body in `text`: the lines between its markers.
    fn read(text: &str, call: usize) -> Self {
        let mut block = Block {
            output: String::new(),
            failure: None,
            end: End::NotBegun,
        };
        // Where the lines go: the output, the failure's message, or its backtrace.
        let mut section = String::new();
        let mut in_backtrace = false;
        let finish = |block: &mut Block, section: &mut String, in_backtrace: bool| {
            // A marker's own leading newline is the child's, not the body's.
            if section.ends_with("\n\n") || section == "\n" {
                section.pop();
            }
            let text = std::mem::take(section);
            match block.failure.as_mut() {
                None => block.output = text,
                Some(failure) if in_backtrace => {
                    failure.backtrace = Some(text.trim_end().to_owned())
                }
                Some(failure) => failure.message = text.trim_end().to_owned(),
            }
        };
        for line in text.split_inclusive('\n') {
            let Some(what) = marked(line, call) else {
                if block.end == End::Unfinished {
                    section.push_str(line);
                }
                continue;
            };
            if what != Mark::Begin {
                // A mark outside the body (a second `end`, say) marks nothing here.
                if block.end != End::Unfinished {
                    continue;
                }
                finish(&mut block, &mut section, in_backtrace);
            }
            match what {
                Mark::Begin => {
                    block.end = End::Unfinished;
                    section.clear();
                }
                Mark::Failed => block.failure = Some(Failure::default()),
                Mark::Backtrace => in_backtrace = true,
                Mark::PanickedAt(at) => {
                    block.failure = Some(Failure {
                        panicked_at: Some(at),
                        ..Failure::default()
                    });
                }
                Mark::End(ending) => {
                    block.end = End::Ended(ending);
                    return block;
                }
            }
        }
        if block.end == End::Unfinished {
            finish(&mut block, &mut section, in_backtrace);
        }
        block
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(call: usize, what: Mark) -> String {
        format!("\n{}\n", marker(call, &what))
    }

    #[test]
    fn only_the_bodys_lines_are_relayed() {
        let text = format!(
            "running 1 test\ntest a::b ... {}hello\nworld\n{}ok\n\ntest result: ok.",
            mark(0, Mark::Begin),
            mark(0, Mark::End(Ending::Ok))
        );
        let block = Block::read(&text, 0);
        assert_eq!(block.output, "hello\nworld\n");
        assert_eq!(block.end, End::Ended(Ending::Ok));
    }

    #[test]
    fn a_body_that_never_ended_is_told_apart() {
        let text = format!("{}partial\n", mark(0, Mark::Begin));
        let block = Block::read(&text, 0);
        assert_eq!(
            (block.output.as_str(), block.end),
            ("partial\n", End::Unfinished)
        );
        assert_eq!(Block::read("running 0 tests\n", 0).end, End::NotBegun);
    }

    #[test]
    fn each_call_reads_its_own_body_and_failure() {
        let text = format!(
            "{}first{}{}second\n{}boom\n{}stack backtrace:\n   0: f{}",
            mark(0, Mark::Begin),
            mark(0, Mark::End(Ending::Ok)),
            mark(1, Mark::Begin),
            mark(1, Mark::PanickedAt("tests/a.rs:7:9".to_owned())),
            mark(1, Mark::Backtrace),
            mark(1, Mark::End(Ending::Panicked)),
        );
        let first = Block::read(&text, 0);
        assert_eq!(
            (first.output.as_str(), first.end),
            ("first\n", End::Ended(Ending::Ok))
        );
        let second = Block::read(&text, 1);
        assert_eq!(second.output, "second\n");
        assert_eq!(second.end, End::Ended(Ending::Panicked));
        assert_eq!(
            second.failure,
            Some(Failure {
                panicked_at: Some("tests/a.rs:7:9".to_owned()),
                message: "boom".to_owned(),
                backtrace: Some("stack backtrace:\n   0: f".to_owned()),
            })
        );
        assert!(later_body_failed(&text, 0));
        assert!(!later_body_failed(&text, 1));
    }

    #[test]
    fn every_mark_reads_back_as_itself() {
        let marks = [
            Mark::Begin,
            Mark::PanickedAt("tests/a.rs:7:9".to_owned()),
            Mark::Failed,
            Mark::Backtrace,
            Mark::End(Ending::Ok),
            Mark::End(Ending::Panicked),
            Mark::End(Ending::Failed),
        ];
        for mark in marks {
            assert_eq!(marked(&marker(3, &mark), 3), Some(mark.clone()));
            assert_eq!(marked(&marker(3, &mark), 4), None);
        }
        assert_eq!(Mark::parse("end: maybe"), None);
    }
}
