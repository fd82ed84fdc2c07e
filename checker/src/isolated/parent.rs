//! The parent's side of [`isolated`](super::isolated): the test's own process, which starts
//! the child, waits for it (within the caller's limit, if one is set), and relays what the
//! child's body printed and how it ended, as this test's own.

use std::cell::RefCell;
use std::env;
use std::io::Read;
use std::panic::Location;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::rc::Rc;
use std::sync::{Arc, Mutex, PoisonError, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use super::CHILD_ENV;
use super::marks::{Ending, MARK, Mark, marked, marker};
use crate::fail::fail_at;

thread_local! {
    /// The child's run of the test on this thread, from its first `isolated` call, for the
    /// calls after it.
    static CHILD_RUN: RefCell<Option<Rc<ChildRun>>> = const { RefCell::new(None) };
}

/// One run of a test in a child process: what it printed, and how it ended.
struct ChildRun {
    test: String,
    /// How the child ended: its status, or the limit it ran past (and was killed at).
    ended: Result<ExitStatus, Duration>,
    stdout: String,
    stderr: String,
}

/// After a child is killed, how long its output is waited for: a process it started itself
/// may hold its pipes open, and is not waited for.
const OUTPUT_AFTER_KILL: Duration = Duration::from_secs(1);

/// The longest wait between two looks at a child that runs under a limit.
const MAX_LOOK_GAP: Duration = Duration::from_millis(10);

impl ChildRun {
    /// Runs `test` of this binary (`exe`) in a child process, to its end or, with a
    /// `limit`, until the limit passes: then the child is killed.
    fn of(exe: &Path, test: &str, limit: Option<Duration>) -> Self {
        let mut child = Command::new(exe)
            .arg(test)
            .args([
                "--exact",
                "--include-ignored",
                "--test-threads=1",
                "--nocapture",
            ])
            .env(CHILD_ENV, test)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "checker::isolated: cannot start {} to re-run `{test}`: {e}",
                    exe.display()
                )
            });
        // Both pipes are read as the child writes: a child that fills one pipe while the
        // other is read would wait forever.
        let stdout = Drain::start(child.stdout.take());
        let stderr = Drain::start(child.stderr.take());
        let ended = match limit {
            None => Ok(child.wait()),
            Some(limit) => wait_within(&mut child, limit),
        };
        let ended = match ended {
            Ok(Ok(status)) => Ok(status),
            Ok(Err(e)) => {
                panic!("checker::isolated: cannot wait for the child running `{test}`: {e}")
            }
            Err(limit) => Err(limit),
        };
        let (stdout, stderr) = match ended {
            Ok(_) => (stdout.finish(None), stderr.finish(None)),
            Err(_) => (
                stdout.finish(Some(OUTPUT_AFTER_KILL)),
                stderr.finish(Some(OUTPUT_AFTER_KILL)),
            ),
        };
        Self {
            test: test.to_owned(),
            ended,
            stdout,
            stderr,
        }
    }
}

/// Waits for `child` until `limit` has passed since now; past it, kills the child and
/// says so with `Err(limit)`.
fn wait_within(
    child: &mut Child,
    limit: Duration,
) -> Result<std::io::Result<ExitStatus>, Duration> {
    let deadline = Instant::now() + limit;
    let mut gap = Duration::from_micros(500);
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Ok(Ok(status)),
            Ok(None) => {}
            Err(e) => return Ok(Err(e)),
        }
        let now = Instant::now();
        if now >= deadline {
            // A child that ends between the look and the kill has ended: kill fails, and
            // `wait` reaps it either way.
            let _ = child.kill();
            let _ = child.wait();
            return Err(limit);
        }
        thread::sleep(gap.min(deadline - now));
        gap = (gap * 2).min(MAX_LOOK_GAP);
    }
}

/// A pipe read to its end on a thread of its own, into a buffer that can be taken before
/// the end if the end does not come.
struct Drain {
    read: Arc<Mutex<Vec<u8>>>,
    done: mpsc::Receiver<()>,
    thread: Option<thread::JoinHandle<()>>,
}

impl Drain {
    fn start(pipe: Option<impl Read + Send + 'static>) -> Self {
        let read = Arc::new(Mutex::new(Vec::new()));
        let (finished, done) = mpsc::channel();
        let thread = pipe.map(|mut pipe| {
            let read = Arc::clone(&read);
            thread::spawn(move || {
                let mut chunk = [0u8; 8192];
                while let Ok(n @ 1..) = pipe.read(&mut chunk) {
                    read.lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .extend_from_slice(&chunk[..n]);
                }
                let _ = finished.send(());
            })
        });
        Self { read, done, thread }
    }

    /// What was read: all of it, or, with `within`, what came before the pipe closed or
    /// `within` passed (the reading thread is then left to end with the pipe).
    fn finish(mut self, within: Option<Duration>) -> String {
        let ended = match within {
            None => true,
            Some(within) => self.done.recv_timeout(within).is_ok(),
        };
        if ended && let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        let bytes = self.read.lock().unwrap_or_else(PoisonError::into_inner);
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

#[track_caller]
pub(super) fn run_in_child(test: &str, call: usize, limit: Option<Duration>) {
    let caller = Location::caller();
    let exe = env::current_exe().unwrap_or_else(|e| {
        panic!("checker::isolated: cannot find this test binary to re-run `{test}`: {e}")
    });
    // The child runs the whole test, every body in turn: its run answers this test's
    // later calls too, so a test with several bodies starts one child, not one a body.
    let run = CHILD_RUN.with_borrow_mut(|kept| match kept {
        Some(run) if call > 0 && run.test == test => Rc::clone(run),
        _ => {
            let run = Rc::new(ChildRun::of(&exe, test, limit));
            *kept = Some(Rc::clone(&run));
            run
        }
    });
    let (stdout, stderr) = (run.stdout.as_str(), run.stderr.as_str());
    let out = Block::read(stdout, call);
    let err = Block::read(stderr, call);
    let raw = || format!("its output:\n{stdout}{stderr}");
    let status = match run.ended {
        Ok(status) => status,
        Err(limit) => {
            let what = match err.end {
                End::Ended(_) => "after this call's body, still running the test",
                End::Unfinished => "in this call's body",
                End::NotBegun => "before this call's body",
            };
            fail_at(
                caller,
                format!(
                    "`{test}` ran past its limit of {limit:?} in its own process ({what}), \
                     and was killed; {}",
                    raw()
                ),
                "",
            )
        }
    };
    match err.end {
        End::NotBegun if call == 0 => panic!(
            "checker::isolated: the child process ({}) did not run test `{test}` ({status}); {}",
            exe.display(),
            raw()
        ),
        End::NotBegun => panic!(
            "checker::isolated: call {} in `{test}` was not reached when the test ran in its \
             own process ({status}): each run of a test must make the same calls; {}",
            call + 1,
            raw()
        ),
        End::Unfinished => fail_at(
            caller,
            format!(
                "`{test}`: the body of checker::isolated did not finish in its own process, \
                 which ended inside it ({status}); {}",
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
        End::Ended(Ending::Ok) if status.success() || later_body_failed(stderr, call) => {}
        End::Ended(Ending::Ok) => fail_at(caller, failed_after(test, call, status, stderr), ""),
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
}
