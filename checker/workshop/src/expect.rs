//! The assertions the tests of `leaky` and `fixed` make, written once, and the call
//! scenarios they make them about.
//!
//! The green tests of `leaky` assert that the checker reports exactly the leak; the tests of
//! `fixed` assert that nothing is left behind. The red tests of `leaky` (ignored by default,
//! run with `cargo test -p leaky -- --ignored`) and the exercises make the very same
//! no-leak assertions as `fixed`, so that they fail with the checker's report.
//!
//! A failure points at the test's own line: the thread helpers are `#[track_caller]`, and
//! the task helpers, being `async`, return the verdict for the test to `unwrap` (an
//! `async fn` cannot carry `#[track_caller]`).

use std::fmt;
use std::future::Future;
use std::process::{Command, Output};
use std::sync::{Mutex, OnceLock, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;

use checker::{LeakReport, Options, TaskSnapshot, ThreadSnapshot};

use crate::demo::Summary;

/// How long a thread verdict waits for workers that are on their way out. A clean verdict
/// comes as soon as they are gone, so this is generous: only a leak waits for all of it.
pub const THREAD_DEADLINE: Duration = Duration::from_secs(2);

/// How long a verdict that expects a leak waits: a leaked worker never leaves, so any
/// deadline gives the same count, and a short one keeps the green leak tests quick. (A
/// leaked worker is named by then: it was started before its call returned, and the
/// checker waits a moment more for a newcomer that has not yet run.)
pub const LEAK_DEADLINE: Duration = Duration::from_millis(50);

/// How long each call of a thread check waits before it gives up. The deadline wins
/// because the probe is held at a gate until the calls are over, whatever the timeout, so
/// the shortest one serves.
pub const CALL_TIMEOUT: Duration = Duration::from_millis(1);

/// The same for tasks. The tests run under paused time, so this costs no real time, and
/// the report says the time was tokio's paused clock.
pub const TASK_DEADLINE: Duration = Duration::from_secs(60);

/// Runs `body` in a process of its own and asserts that no thread it started is alive
/// afterwards. What `body` returns (the watcher, say) stays alive through the verdict.
#[track_caller]
pub fn no_thread_outlives<T>(body: impl FnOnce() -> T) {
    checker::isolated(|| threads_left_by(THREAD_DEADLINE, body));
}

/// Runs `body` in a process of its own and asserts that exactly `count` threads it started,
/// each named `name`, are alive afterwards.
#[track_caller]
pub fn threads_outlive<T>(count: usize, name: &str, body: impl FnOnce() -> T) {
    checker::isolated(|| -> Result<(), Mismatch> {
        let Err(report) = threads_left_by(LEAK_DEADLINE, body) else {
            return Err(Mismatch(format!(
                "expected {count} leaked threads named {name:?}, and the checker found \
                 every thread gone"
            )));
        };
        let names: Vec<_> = report.threads().iter().map(|t| t.name()).collect();
        if names != vec![name; count] {
            return Err(Mismatch(format!(
                "expected {count} leaked threads named {name:?}; the report:\n{report}"
            )));
        }
        Ok(())
    });
}

fn threads_left_by<T>(deadline: Duration, body: impl FnOnce() -> T) -> Result<(), LeakReport> {
    let before = ThreadSnapshot::take();
    let alive = body();
    let verdict = before.verify(&Options::default().deadline(deadline));
    drop(alive);
    verdict
}

/// The verdict on the tasks `body` spawned on the current runtime: `Err` with the
/// checker's report if any is alive afterwards. `unwrap` it in the test.
#[must_use = "the verdict fails nothing until it is unwrapped"]
pub async fn no_task_outlives<T>(body: impl Future<Output = T>) -> Result<(), LeakReport> {
    tasks_left_by(body).await
}

/// `Ok` if exactly `count` tasks `body` spawned on the current runtime are alive
/// afterwards; otherwise what was found. `unwrap` it in the test.
#[must_use = "the verdict fails nothing until it is unwrapped"]
pub async fn tasks_outlive<T>(count: usize, body: impl Future<Output = T>) -> Result<(), Mismatch> {
    let Err(report) = tasks_left_by(body).await else {
        return Err(Mismatch(format!(
            "expected {count} leaked tasks, and the checker found every task gone"
        )));
    };
    if report.tasks() != count {
        return Err(Mismatch(format!(
            "expected {count} leaked tasks; the report:\n{report}"
        )));
    }
    Ok(())
}

async fn tasks_left_by<T>(body: impl Future<Output = T>) -> Result<(), LeakReport> {
    let before = TaskSnapshot::take(&tokio::runtime::Handle::current());
    let alive = body.await;
    let verdict = before
        .verify(&Options::default().deadline(TASK_DEADLINE))
        .await;
    drop(alive);
    verdict
}

/// A leak test that found something other than the leak it expected. Its `Debug` is the
/// message itself, so that `unwrap` prints it as written.
pub struct Mismatch(String);

impl fmt::Debug for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Thread flavour of a watcher pattern: builds `$module::Watcher` with `$probe` (ticking
/// every millisecond), makes `$calls` calls that each time out after
/// [`CALL_TIMEOUT`](crate::expect::CALL_TIMEOUT), then lets the checks go on, and evaluates
/// to the watcher. The probe is held at a gate until the calls are over, so the deadline
/// wins every time however busy the machine is.
#[macro_export]
macro_rules! timed_out_thread_calls {
    ($($module:ident)::+, $calls:expr, $probe:expr) => {{
        let (probe, gate) = $crate::Probe::gated($probe);
        let tick = ::std::time::Duration::from_millis(1);
        let watcher = $($module)::+::Watcher::new(probe, tick);
        let timeout = $crate::expect::CALL_TIMEOUT;
        for _ in 0..$calls {
            assert_eq!(watcher.wait_ready(timeout), Err($crate::TimedOut(timeout)));
        }
        gate.open();
        watcher
    }};
}

/// Task flavour of a watcher pattern, under paused time: the story's 1 s deadline against
/// the `$probe`'s check, ticking every second. Evaluates to a future of the watcher.
#[macro_export]
macro_rules! timed_out_task_calls {
    ($($module:ident)::+, $calls:expr, $probe:expr) => {
        async {
            let second = ::std::time::Duration::from_secs(1);
            let watcher = $($module)::+::Watcher::new($probe, second);
            for _ in 0..$calls {
                assert_eq!(watcher.wait_ready(second).await, Err($crate::TimedOut(second)));
            }
            watcher
        }
    };
}

/// The workspace root, where a learner runs the demos and from where their reports name
/// files.
pub const WORKSPACE_ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// Runs a demo binary (`env!("CARGO_BIN_EXE_leaky")`) from the workspace root with `--json`
/// and `args`, asserts that it exits with `status`, and returns the summary on its last
/// line, with what the run printed.
#[track_caller]
pub fn demo_ran(exe: &str, status: i32, args: &[&str]) -> Ran {
    DemoRun::start(exe, args).ran(status)
}

/// What a demo run with `--json` printed: the [`Summary`] on its last line, read back with
/// the type the demo wrote it with, and the whole of its standard output.
#[derive(Debug, Clone)]
pub struct Ran {
    pub summary: Summary,
    pub stdout: String,
}

/// A demo run, started at once or on demand. A demo run mostly sleeps (its calls wait, its
/// closing check waits), so a test binary makes all its runs and starts them together
/// ([`start_shared`]), and each test waits only for the one it reads: the binary takes as
/// long as its longest run, not their sum.
pub struct DemoRun {
    what: String,
    state: Mutex<RunState>,
    output: OnceLock<Output>,
}

enum RunState {
    NotStarted(Command),
    /// `output` reads both pipes to their end while the run goes on: a run that prints much
    /// never blocks on a full pipe.
    Running(JoinHandle<std::io::Result<Output>>),
    Read,
}

impl DemoRun {
    /// Starts a demo binary from the workspace root with `--json` and `args`.
    pub fn start(exe: &str, args: &[&str]) -> Self {
        let run = Self::new(exe, args);
        run.begin();
        run
    }

    /// A run of a demo binary from the workspace root with `--json` and `args`, not
    /// started yet: it starts with [`start_together`] or [`start_shared`], or when it is
    /// first read.
    pub fn new(exe: &str, args: &[&str]) -> Self {
        let mut command = Command::new(exe);
        command.current_dir(WORKSPACE_ROOT).arg("--json").args(args);
        Self::of(format!("{exe} {args:?}"), command)
    }

    /// A run of `command`, which `what` names in a failure, not started yet.
    pub fn of(what: String, command: Command) -> Self {
        Self {
            what,
            state: Mutex::new(RunState::NotStarted(command)),
            output: OnceLock::new(),
        }
    }

    /// Starts the run, unless it has started already.
    fn begin(&self) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        *state = match std::mem::replace(&mut *state, RunState::Read) {
            RunState::NotStarted(mut command) => {
                RunState::Running(std::thread::spawn(move || command.output()))
            }
            started => started,
        };
    }

    /// Waits for the run to end (starting it first, if need be) and returns what it
    /// printed and how it exited.
    pub fn output(&self) -> &Output {
        self.output.get_or_init(|| {
            self.begin();
            let state = std::mem::replace(
                &mut *self.state.lock().unwrap_or_else(PoisonError::into_inner),
                RunState::Read,
            );
            let RunState::Running(running) = state else {
                unreachable!("begun just above, and read only once")
            };
            match running.join() {
                Ok(Ok(output)) => output,
                Ok(Err(e)) => panic!("cannot run {}: {e}", self.what),
                Err(_) => panic!("the thread waiting for {} panicked", self.what),
            }
        })
    }

    /// Waits for the run to end, asserts that it exited with `status`, and returns the
    /// summary on its last line, with what the run printed.
    #[track_caller]
    pub fn ran(&self, status: i32) -> Ran {
        let output = self.output();
        assert_eq!(
            output.status.code(),
            Some(status),
            "{} exited with {}:\n{}{}",
            self.what,
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        ran_of(&self.what, output)
    }
}

/// The summary a demo run ends with (its last line), with everything the run printed;
/// `what` names the run in the panic when the last line is not a summary.
pub fn ran_of(what: &str, output: &std::process::Output) -> Ran {
    let stdout = String::from_utf8_lossy(&output.stdout);
    let last = stdout.lines().last().unwrap_or_default();
    let summary = serde_json::from_str(last).unwrap_or_else(|e| {
        panic!(
            "{what}: the last line is not the demo's JSON summary ({e}):\n{stdout}{}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    Ran {
        summary,
        stdout: stdout.into_owned(),
    }
}

/// The workshop's small story, with which every pattern shows its harm and every fix
/// leaves nothing: two calls that each wait 50 ms for a 400 ms check. Slower than
/// [`SMALL_DEMO`]; `.ci/run` runs it.
pub const STORY_DEMO: &[&str] = &[
    "--calls",
    "2",
    "--timeout",
    "50ms",
    "--verify-takes",
    "400ms",
];

/// Small arguments for a run of every pattern: two calls that each wait 10 ms for a 60 ms
/// check, ticking every 5 ms. The story's shape (the deadline loses to the check) at a
/// fraction of its time.
pub const SMALL_DEMO: &[&str] = &[
    "--calls",
    "2",
    "--timeout",
    "10ms",
    "--verify-takes",
    "60ms",
    "--tick",
    "5ms",
];

/// Starts every run in `runs` that has not started yet, all at once.
pub fn start_together<'a>(runs: impl IntoIterator<Item = &'a DemoRun>) {
    for run in runs {
        run.begin();
    }
}

/// Starts the runs the tests of a binary share, made once: all at once, unless each test
/// runs in a process of its own (nextest's process-per-test mode). There each test starts
/// the runs it reads as it reads them, and no process starts runs only other tests read.
pub fn start_shared<'a>(runs: impl IntoIterator<Item = &'a DemoRun>) {
    if crate::runs_alone() {
        return;
    }
    start_together(runs);
}

/// A run of a demo binary for each name its `--list` prints, each with `--pattern NAME`
/// and `args`, not started yet: each name with its run.
pub fn every_listed_pattern(exe: &str, args: &[&str]) -> Vec<(String, DemoRun)> {
    let list = Command::new(exe)
        .arg("--list")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {exe}: {e}"));
    let names: Vec<String> = String::from_utf8_lossy(&list.stdout)
        .lines()
        .filter_map(|line| line.split_whitespace().next().map(str::to_owned))
        .collect();
    assert!(!names.is_empty(), "{exe} --list printed no pattern");
    names
        .into_iter()
        .map(|name| {
            let run = DemoRun::new(exe, &[&["--pattern", &name], args].concat());
            (name, run)
        })
        .collect()
}

/// The arguments of a quick demo run whose calls always time out: each call waits 5 ms for
/// a check that takes 60 ms, so every worker is abandoned mid-check, and every check has
/// finished by the default closing check, 161 ms after the last call.
///
/// On Windows every time is ten times longer: its timers wake a thread at the system's
/// clock tick, 15.6 ms unless a program asks for finer, so a 5 ms timeout fires after about
/// 15 ms there, and the story's order (the deadline, then the check) would not hold.
#[cfg(not(windows))]
pub const QUICK_DEMO: &[&str] = &[
    "--calls",
    "3",
    "--timeout",
    "5ms",
    "--verify-takes",
    "60ms",
    "--tick",
    "1ms",
];

/// See the other platforms' [`QUICK_DEMO`]: the same story, ten times slower.
#[cfg(windows)]
pub const QUICK_DEMO: &[&str] = &[
    "--calls",
    "3",
    "--timeout",
    "50ms",
    "--verify-takes",
    "600ms",
    "--tick",
    "10ms",
];
