//! Where a thread verdict is taken, said in its report when it bears on the reading: a
//! test thread that may share its process with other tests, or a thread a tokio runtime
//! runs its tasks on.

mod common;

use std::sync::mpsc;
use std::time::Duration;

use checker::{Options, ThreadSnapshot, isolated};
use common::{blocked_thread, run_test_with, until_sleeping};

const SHORT: Duration = Duration::from_millis(20);

const SHARED: &str = "whose process may run other tests beside it";

/// Checks in place, on the test's own thread, and prints the report.
#[test]
#[ignore = "a fixture for the tests below"]
fn fixture_a_leak_checked_in_place() {
    let before = ThreadSnapshot::take();
    let blocked = blocked_thread("in-place-leak");
    until_sleeping(&before, blocked.tid);
    let report = before
        .verify(&Options::default().deadline(SHORT))
        .unwrap_err();
    println!("{report}");
    blocked.release();
}

fn report_of_fixture(args: &[&str], env: &[(&str, &str)]) -> String {
    let (ok, stdout, stderr) = run_test_with("fixture_a_leak_checked_in_place", args, env);
    assert!(ok, "{stdout}{stderr}");
    assert!(stdout.contains("found 1 unexpected thread"), "{stdout}");
    stdout
}

/// A run of the fixture: its harness arguments, and what it sets in its environment.
type Run<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)]);

/// The fixture's report in each of these runs, the runs side by side.
fn reports_of_fixture(runs: &[Run<'_>]) -> Vec<String> {
    std::thread::scope(|scope| {
        let running: Vec<_> = runs
            .iter()
            .map(|&(args, env)| scope.spawn(move || report_of_fixture(args, env)))
            .collect();
        running
            .into_iter()
            .map(|run| run.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

#[test]
fn a_verdict_on_a_test_thread_among_others_says_other_tests_threads_may_appear() {
    let [four, three, two] = &reports_of_fixture(&[
        (&["--test-threads=4"], &[]),
        (&["--test-threads", "3"], &[]),
        (&[], &[("RUST_TEST_THREADS", "2")]),
    ])[..] else {
        unreachable!("three runs")
    };
    assert!(
        four.contains(&format!("{SHARED} (up to 4 at once)")),
        "{four}"
    );
    assert!(
        four.contains("checker::isolated")
            && four.contains("cargo-nextest")
            && four.contains("`--test-threads=1`"),
        "{four}"
    );
    assert!(three.contains("(up to 3 at once)"), "{three}");
    assert!(two.contains("(up to 2 at once)"), "{two}");
}

#[test]
fn a_verdict_where_tests_provably_run_one_at_a_time_says_nothing_of_them() {
    let runs: [Run<'_>; 4] = [
        (&["--test-threads=1"], &[]),
        (&["--test-threads", "1"], &[]),
        (&[], &[("RUST_TEST_THREADS", "1")]),
        (
            &["--test-threads=4"],
            &[("NEXTEST_EXECUTION_MODE", "process-per-test")],
        ),
    ];
    for ((args, env), report) in runs.iter().zip(reports_of_fixture(&runs)) {
        assert!(!report.contains(SHARED), "{args:?} {env:?}: {report}");
    }
}

#[test]
fn a_verdict_inside_isolated_says_nothing_of_other_tests() {
    isolated(|| {
        let before = ThreadSnapshot::take();
        let blocked = blocked_thread("isolated-leak");
        let report = before
            .verify(&Options::default().deadline(SHORT))
            .unwrap_err();
        assert!(report.notes().is_empty(), "{report}");
        blocked.release();
    });
}

#[test]
fn a_blocking_check_inside_a_current_thread_runtime_says_it_kept_the_runtime_from_its_tasks() {
    isolated(|| {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        runtime.block_on(async {
            let before = ThreadSnapshot::take();
            // A thread that a task releases, once the runtime runs it.
            let (release, waiter) = thread_released_by("task-releases");
            let releaser = tokio::spawn(async move { drop(release) });
            let report = before
                .verify(&Options::default().deadline(SHORT))
                .unwrap_err();
            let text = report.to_string();
            assert!(text.contains("Thread \"task-releases\""), "{text}");
            assert!(
                text.contains("This check ran inside a tokio runtime (current-thread) with 1 task")
                    && text.contains("the runtime could run none of it meanwhile")
                    && text.contains("after `block_on` returns"),
                "{text}"
            );
            releaser.await.unwrap();
            waiter.join().unwrap();
        });
    });
}

#[test]
fn tokios_idle_blocking_thread_is_named_for_what_it_is_and_how_to_excuse_it() {
    isolated(|| {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let before = ThreadSnapshot::take();
        runtime.block_on(async { tokio::task::spawn_blocking(|| {}).await.unwrap() });
        // tokio keeps the blocking thread 10 s: the verdict finds it.
        let report = before
            .verify(&Options::default().deadline(SHORT))
            .unwrap_err();
        let text = report.to_string();
        assert!(text.contains("Thread \"tokio-rt-worker\""), "{text}");
        assert!(
            text.contains("name: tokio's, for a runtime's workers and its blocking threads")
                && text.contains("an idle blocking thread stays 10 s")
                && text.contains("checker::TestRuntime"),
            "{text}"
        );
        assert!(!text.contains("maybe not its own"), "{text}");
        assert!(!text.contains("maybe cut"), "{text}");
    });
}

#[test]
fn a_test_runtimes_own_threads_are_excused_and_a_thread_its_task_starts_is_not() {
    isolated(|| {
        let runtime = checker::TestRuntime::new(
            tokio::runtime::Builder::new_multi_thread().worker_threads(2),
        );
        let before = ThreadSnapshot::take();
        let (release, wait) = mpsc::channel::<()>();
        runtime.block_on(async {
            tokio::task::spawn_blocking(|| {}).await.unwrap();
            // An unnamed thread started from a worker: it wears the worker's name.
            tokio::spawn(async move {
                std::thread::spawn(move || {
                    let _ = wait.recv();
                });
            })
            .await
            .unwrap();
        });
        let options = Options::default()
            .deadline(SHORT)
            .ignore_started(runtime.threads());
        let report = before.verify(&options).unwrap_err();
        assert_eq!(report.threads().len(), 1, "{report}");
        drop(release);
        // Once that thread ends, the runtime's own threads alone are left, and excused.
        before
            .verify(&options.deadline(Duration::from_secs(60)))
            .unwrap();
        runtime.into_inner().shutdown_background();
    });
}

#[test]
fn a_test_runtime_is_the_current_thread_one_of_tokio_test() {
    let runtime = checker::TestRuntime::current_thread();
    assert_eq!(
        runtime.handle().runtime_flavor(),
        tokio::runtime::RuntimeFlavor::CurrentThread
    );
    // Time is enabled, as in `#[tokio::test]`.
    runtime.block_on(async { tokio::time::sleep(Duration::ZERO).await });
}

#[test]
fn a_blocking_check_inside_a_runtime_with_no_task_alive_says_nothing_of_it() {
    isolated(|| {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        runtime.block_on(async {
            let before = ThreadSnapshot::take();
            let blocked = blocked_thread("no-task-alive");
            let report = before
                .verify(&Options::default().deadline(SHORT))
                .unwrap_err();
            assert!(report.notes().is_empty(), "{report}");
            blocked.release();
        });
    });
}

/// A thread that waits until `release` is dropped, started and asleep when this returns.
fn thread_released_by(name: &str) -> (mpsc::Sender<()>, std::thread::JoinHandle<()>) {
    let before = ThreadSnapshot::take();
    let (release, wait) = mpsc::channel::<()>();
    let (named, tid) = mpsc::channel();
    let waiter = std::thread::Builder::new()
        .name(name.to_owned())
        .spawn(move || {
            named.send(common::current_tid()).unwrap();
            let _ = wait.recv();
        })
        .unwrap();
    until_sleeping(&before, tid.recv().unwrap());
    (release, waiter)
}

#[test]
fn the_async_check_lets_the_runtime_run_the_task_that_releases_a_thread() {
    isolated(|| {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .start_paused(true)
            .build()
            .unwrap();
        runtime.block_on(async {
            let before = ThreadSnapshot::take();
            let (release, waiter) = thread_released_by("task-releases");
            tokio::spawn(async move { drop(release) });
            let clock = tokio::time::Instant::now();
            before
                .verify_async(&Options::default().deadline(Duration::from_secs(60)))
                .await
                .unwrap();
            // Paused time: the verdict neither waited for tokio's clock nor moved it.
            assert_eq!(clock.elapsed(), Duration::ZERO);
            waiter.join().unwrap();
        });
    });
}

#[test]
fn the_async_check_reports_a_leak_after_its_deadline_without_the_blocking_note() {
    isolated(|| {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        runtime.block_on(async {
            let before = ThreadSnapshot::take();
            let (release, waiter) = thread_released_by("never-released");
            // A task alive all along, that releases nothing.
            let (_keep, never) = tokio::sync::oneshot::channel::<()>();
            tokio::spawn(async move {
                let _ = never.await;
            });
            let report = before
                .verify_async(&Options::default().deadline(SHORT))
                .await
                .unwrap_err();
            assert!(report.waited() >= SHORT, "{report}");
            assert!(
                report.to_string().contains("Thread \"never-released\""),
                "{report}"
            );
            assert!(report.notes().is_empty(), "{report}");
            drop(release);
            waiter.join().unwrap();
        });
    });
}

#[test]
fn task_verdicts_on_many_threads_at_once_leave_every_later_panic_reported() {
    // A verdict touches no panic hook: however the verdicts of several threads interleave,
    // a later panic on each still reaches the hook the test set.
    isolated(|| {
        let seen = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counted = std::sync::Arc::clone(&seen);
        std::panic::set_hook(Box::new(move |_| {
            counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }));
        let threads: Vec<_> = (0..8)
            .map(|_| {
                std::thread::spawn(|| {
                    let runtime = tokio::runtime::Builder::new_current_thread()
                        .enable_time()
                        .build()
                        .unwrap();
                    runtime.block_on(async {
                        for _ in 0..50 {
                            let before =
                                checker::TaskSnapshot::take(&tokio::runtime::Handle::current());
                            before.verify(&Options::default()).await.unwrap();
                        }
                    });
                    std::panic::catch_unwind(|| panic!("a later panic")).unwrap_err();
                })
            })
            .collect();
        for thread in threads {
            thread.join().unwrap();
        }
        drop(std::panic::take_hook());
        assert_eq!(seen.load(std::sync::atomic::Ordering::SeqCst), 8);
    });
}
