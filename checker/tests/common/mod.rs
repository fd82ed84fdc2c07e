//! Fixtures for the checker's own tests: a thread blocked until released, its TID known,
//! and bounded waits for what the kernel says of a thread.

#![allow(dead_code, unreachable_pub)]

use std::sync::mpsc;
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// How long a test waits for the kernel to say what it will say within microseconds: far
/// beyond any load, and a failure that says what did not come, never a hang.
pub const HANG_LIMIT: Duration = Duration::from_secs(60);

/// Yields until `done` is true; panics naming `what` if it is not within [`HANG_LIMIT`].
pub fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let began = Instant::now();
    while !done() {
        assert!(
            began.elapsed() < HANG_LIMIT,
            "waited {HANG_LIMIT:?} for {what}, and it did not come"
        );
        thread::yield_now();
    }
}

/// A named thread blocked on a channel receive until [`Blocked::release`].
pub struct Blocked {
    pub tid: u64,
    release: mpsc::Sender<()>,
    handle: JoinHandle<()>,
}

/// Starts a thread named `name` that blocks on a channel, and returns once it has said
/// its TID (so it exists, and has named itself).
pub fn blocked_thread(name: &str) -> Blocked {
    blocked_thread_with(name, || {})
}

/// [`blocked_thread`], which runs `on_start` first thing (a start hook, such as
/// `StartedThreads::recorder`).
pub fn blocked_thread_with(name: &str, on_start: impl FnOnce() + Send + 'static) -> Blocked {
    let (tid_tx, tid_rx) = mpsc::channel();
    let (release, wait) = mpsc::channel::<()>();
    let handle = thread::Builder::new()
        .name(name.to_owned())
        .spawn(move || {
            on_start();
            tid_tx.send(current_tid()).unwrap();
            let _ = wait.recv();
        })
        .unwrap();
    Blocked {
        tid: tid_rx.recv().unwrap(),
        release,
        handle,
    }
}

impl Blocked {
    /// Lets the thread end, and waits until it has.
    pub fn release(self) {
        drop(self.release);
        self.handle.join().unwrap();
    }

    /// Lets the thread end without waiting for it.
    pub fn let_go(self) -> JoinHandle<()> {
        drop(self.release);
        self.handle
    }
}

/// The report of a verdict given at once (deadline zero) on the one thread named `name`,
/// started after the snapshot and blocked; and that thread, to release.
pub fn report_on_one(name: &str) -> (checker::LeakReport, Blocked) {
    let before = checker::ThreadSnapshot::take();
    let blocked = blocked_thread(name);
    until_sleeping(&before, blocked.tid);
    let report = before
        .verify(&checker::Options::default().deadline(std::time::Duration::ZERO))
        .expect_err("a thread was started and is alive");
    (report, blocked)
}

/// The calling thread's TID, from `/proc/thread-self` (a link to `PID/task/TID`): read
/// apart from the checker, so that the tests compare the checker's TIDs with the kernel's.
#[cfg(target_os = "linux")]
pub fn current_tid() -> u64 {
    let link = std::fs::read_link("/proc/thread-self").unwrap();
    link.file_name().unwrap().to_str().unwrap().parse().unwrap()
}

/// The calling thread's ID, as `checker::current_tid` gives it: the tests then check that
/// it is the ID the checker's listing gives the same thread.
#[cfg(not(target_os = "linux"))]
pub fn current_tid() -> u64 {
    checker::current_tid().expect("thread checks are supported on this platform")
}

/// The state letter of a thread of this process, as the kernel has it now.
#[cfg(target_os = "linux")]
pub fn state_of(tid: u64) -> char {
    // Bytes: a name the kernel cut inside a character is not UTF-8.
    let stat = std::fs::read(format!("/proc/self/task/{tid}/stat")).unwrap();
    let after_name = &stat[stat.iter().rposition(|&b| b == b')').unwrap() + 1..];
    char::from(after_name.trim_ascii_start()[0])
}

/// Waits until thread `tid`, born after `before`, sleeps (state `S`): what the OS says once
/// it is blocked. Polls the OS's own answer, with no timing assumption: on Linux the kernel's
/// (apart from the checker), on macOS the Mach run state as the checker reads it. Windows
/// does not tell a thread's state, so there is nothing to wait for.
pub fn until_sleeping(before: &checker::ThreadSnapshot, tid: u64) {
    let what = format!("thread {tid} to sleep");
    #[cfg(target_os = "linux")]
    {
        // The kernel's answer, read apart from the checker, needs no snapshot.
        let _ = before;
        wait_until(&what, || state_of(tid) == 'S');
    }
    #[cfg(target_os = "macos")]
    wait_until(&what, || {
        let now = before.verify(&checker::Options::default().deadline(Duration::ZERO));
        now.is_err_and(|report| {
            report.threads().iter().any(|thread| {
                thread.tid() == tid && thread.state() == checker::ThreadState::Sleeping
            })
        })
    });
    #[cfg(not(any(target_os = "linux", target_os = "macos")))]
    let _ = (before, tid, what);
}

/// Waits until the kernel no longer lists thread `tid` of this process.
#[cfg(target_os = "linux")]
pub fn until_gone(tid: u64) {
    let task = format!("/proc/self/task/{tid}");
    wait_until(&format!("thread {tid} to be gone"), || {
        !std::path::Path::new(&task).exists()
    });
}

/// Waits until the clock that threads' start times count in (boot time, in clock ticks)
/// has moved past the tick thread `tid` started in: a thread started from now on has a
/// later start time than it.
#[cfg(target_os = "linux")]
pub fn until_a_tick_after_the_start_of(tid: u64) {
    let stat = std::fs::read_to_string(format!("/proc/self/task/{tid}/stat")).unwrap();
    let after_name = &stat[stat.rfind(')').unwrap() + 1..];
    let started: u64 = after_name
        .split_whitespace()
        .nth(19)
        .unwrap()
        .parse()
        .unwrap();
    let ticks_per_second = u128::from(rustix::param::clock_ticks_per_second());
    let now_tick = || {
        let now = rustix::time::clock_gettime(rustix::time::ClockId::Boottime);
        let ns = now.tv_sec as u128 * 1_000_000_000 + now.tv_nsec as u128;
        (ns * ticks_per_second / 1_000_000_000) as u64
    };
    wait_until("the clock's next tick", || now_tick() > started);
}

/// The report of a verdict on threads that are at rest in a wait, taken once each of
/// `tids` reads as blocked (and, on Linux, with a wait channel). A thread asleep in a wait
/// can be woken for an instant (a spurious wake-up, after which it waits again); a report
/// read in that instant shows it as the kernel then says, running or with no wait
/// channel. The verdict is retaken until no thread is caught so, at most a thousand
/// times; then the last report is returned as it is, for the test to show.
pub fn report_at_rest(
    before: &checker::ThreadSnapshot,
    options: &checker::Options,
    tids: &[u64],
) -> checker::LeakReport {
    let at_rest = |report: &checker::LeakReport| {
        tids.iter().all(|&tid| {
            report.threads().iter().any(|thread| {
                thread.tid() == tid
                    && thread.state() == BLOCKED_STATE.0
                    && (cfg!(not(target_os = "linux")) || thread.wait_channel().is_some())
            })
        })
    };
    let mut tries = 0;
    loop {
        let report = before.verify(options).expect_err("the threads are alive");
        tries += 1;
        if at_rest(&report) || tries == 1000 {
            return report;
        }
        thread::yield_now();
    }
}

/// The state a thread blocked on a channel reads as, with its letter and words as a report
/// shows them: sleeping, except on Windows, which does not tell.
pub const BLOCKED_STATE: (checker::ThreadState, &str) = if cfg!(windows) {
    (
        checker::ThreadState::NotAvailable,
        "- (not available on this platform)",
    )
} else {
    (checker::ThreadState::Sleeping, "S (sleeping)")
};

/// What a report says of a blocked thread's wait off Linux, where wait channels are not
/// available.
pub const NO_WAIT_CHANNEL: &str =
    "    waits in: not available on this platform (wait channels are Linux's)";

/// Runs one test of the calling test binary in a process of its own, as `cargo test` runs
/// it among others (outside nextest, without `isolated`'s variable, without
/// `RUST_BACKTRACE` unless `env` sets it), and returns whether it passed and what it
/// printed on stdout and stderr.
pub fn run_test(name: &str, env: &[(&str, &str)]) -> (bool, String, String) {
    run_test_with(name, &["--test-threads=1"], env)
}

/// [`run_test`], with these harness arguments (`--test-threads` and the like) and without
/// `RUST_TEST_THREADS` unless `env` sets it.
pub fn run_test_with(name: &str, args: &[&str], env: &[(&str, &str)]) -> (bool, String, String) {
    let exe = std::env::current_exe().unwrap();
    let mut command = std::process::Command::new(exe);
    command
        .args([name, "--exact", "--include-ignored", "--nocapture"])
        .args(args)
        .env_remove("CHECKER_ISOLATED_TEST")
        .env_remove("NEXTEST_EXECUTION_MODE")
        .env_remove("RUST_TEST_THREADS")
        .env_remove("RUST_BACKTRACE");
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command.output().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    (output.status.success(), stdout, stderr)
}
