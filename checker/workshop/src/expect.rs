//! The assertions the tests of `leaky` and `fixed` make, written once.
//!
//! The green tests of `leaky` assert that the checker reports exactly the leak; the tests of
//! `fixed` assert that nothing is left behind. The red tests of `leaky` (ignored by default,
//! run with `cargo test -p leaky -- --ignored`) make the very same no-leak assertions as
//! `fixed`, so that they fail with the checker's report.

use std::future::Future;
use std::time::Duration;

use checker::{LeakReport, Options, TaskSnapshot, ThreadSnapshot};

/// How long a thread verdict waits for workers that are on their way out. A clean verdict
/// comes as soon as they are gone, so this is generous: only a leak waits for all of it.
pub const THREAD_DEADLINE: Duration = Duration::from_secs(2);

/// How long a verdict that expects a leak waits: a leaked worker never leaves, so any
/// deadline gives the same count, and a short one keeps the green leak tests quick.
pub const LEAK_DEADLINE: Duration = Duration::from_millis(300);

/// The same for tasks; the tests run under paused time, so this costs no real time.
pub const TASK_DEADLINE: Duration = Duration::from_secs(60);

/// Runs `body` in a process of its own and asserts that no thread it started is alive
/// afterwards. What `body` returns (the watcher, say) stays alive through the verdict.
pub fn no_thread_outlives<T>(body: impl FnOnce() -> T) {
    checker::isolated(|| {
        if let Err(report) = threads_left_by(THREAD_DEADLINE, body) {
            panic!("{report}");
        }
    });
}

/// Runs `body` in a process of its own and asserts that exactly `count` threads it started,
/// each named `name`, are alive afterwards.
pub fn threads_outlive<T>(count: usize, name: &str, body: impl FnOnce() -> T) {
    checker::isolated(|| {
        let report = threads_left_by(LEAK_DEADLINE, body)
            .expect_err("a leak was expected, and the checker found every thread gone");
        let names: Vec<_> = report.threads().iter().map(|t| t.name()).collect();
        assert_eq!(
            names,
            vec![name; count],
            "expected {count} leaked threads named {name:?}; the report:\n{report}"
        );
        println!("the checker's report, as expected:\n{report}");
    });
}

fn threads_left_by<T>(deadline: Duration, body: impl FnOnce() -> T) -> Result<(), LeakReport> {
    let before = ThreadSnapshot::take();
    let alive = body();
    let verdict = before.verify(&Options::default().deadline(deadline));
    drop(alive);
    verdict
}

/// Asserts that no task `body` spawned on the current runtime is alive afterwards.
pub async fn no_task_outlives<T>(body: impl Future<Output = T>) {
    if let Err(report) = tasks_left_by(body).await {
        panic!("{report}");
    }
}

/// Asserts that exactly `count` tasks `body` spawned on the current runtime are alive
/// afterwards.
pub async fn tasks_outlive<T>(count: usize, body: impl Future<Output = T>) {
    let report = tasks_left_by(body)
        .await
        .expect_err("a leak was expected, and the checker found every task gone");
    assert_eq!(
        report.tasks(),
        count,
        "expected {count} leaked tasks; the report:\n{report}"
    );
    println!("the checker's report, as expected:\n{report}");
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

/// Runs a demo binary (`env!("CARGO_BIN_EXE_leaky")`) with `--json` and `args`, asserts that
/// it succeeds, and returns the JSON object on its last line.
pub fn demo_json(exe: &str, args: &[&str]) -> serde_json::Value {
    let output = std::process::Command::new(exe)
        .arg("--json")
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {exe}: {e}"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{exe} {args:?} failed ({}):\n{stdout}{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let last = stdout.lines().last().unwrap_or_default();
    serde_json::from_str(last)
        .unwrap_or_else(|e| panic!("the last line is not JSON ({e}):\n{stdout}"))
}

/// The arguments of a quick demo run whose calls always time out: the checks take a minute,
/// far longer than any call waits, and the process ends long before they would finish.
pub const QUICK_DEMO: &[&str] = &[
    "--calls",
    "3",
    "--timeout",
    "5ms",
    "--verify-takes",
    "1m",
    "--tick",
    "1ms",
    "--check-deadline",
    "20ms",
];
