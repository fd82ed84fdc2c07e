//! Task verdicts, and the honest limits of counting tokio tasks.

use std::time::Duration;

use checker::{Options, TaskSnapshot};
use tokio::runtime::Handle;
use tokio::sync::oneshot;
use tokio::time::Instant;

fn snapshot() -> TaskSnapshot {
    TaskSnapshot::take(&Handle::current())
}

/// The blocked-task fixture: a task on the current runtime that waits for an answer until
/// the returned sender is dropped.
fn blocked_task() -> oneshot::Sender<()> {
    let (keep, never) = oneshot::channel::<()>();
    tokio::spawn(async move {
        let _ = never.await;
    });
    keep
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_clean_runtime_gets_its_verdict_at_once() {
    let before = snapshot();
    let asked = Instant::now();
    before
        .verify(&Options::default().deadline(Duration::from_secs(60)))
        .await
        .unwrap();
    assert_eq!(asked.elapsed(), Duration::ZERO);
}

// ANCHOR: blocked_task
#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_blocked_task_is_counted_and_reported_after_the_deadline() {
    let before = snapshot();
    let _keep = blocked_task();
    let asked = Instant::now();
    let report = before.verify(&Options::default()).await.unwrap_err();
    assert_eq!(report.tasks(), 1);
    assert!(report.threads().is_empty());
    // Paused time: the whole deadline went by, and none of it was real.
    assert_eq!(asked.elapsed(), Duration::from_millis(500));
    assert_eq!(report.waited(), Duration::from_millis(500));
    // The first line says whose clock the 500 ms were; what follows it tells where the
    // task waits, as far as the build can tell.
    let report = report.to_string();
    let first = report.lines().next().unwrap();
    assert!(
        first.starts_with(
            "found 1 unexpected task on a current-thread tokio runtime (1 alive, 0 at the \
             snapshot), still alive after 500ms of tokio's paused clock ("
        ) && first.ends_with(" of real time)"),
        "{report}"
    );
}
// ANCHOR_END: blocked_task

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_task_that_ends_within_the_deadline_is_waited_for() {
    let before = snapshot();
    tokio::spawn(tokio::time::sleep(Duration::from_secs(2)));
    before
        .verify(&Options::default().deadline(Duration::from_secs(3)))
        .await
        .unwrap();
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_task_that_outlives_the_deadline_is_reported() {
    let before = snapshot();
    tokio::spawn(tokio::time::sleep(Duration::from_secs(4)));
    let report = before
        .verify(&Options::default().deadline(Duration::from_secs(3)))
        .await
        .unwrap_err();
    assert_eq!(report.tasks(), 1);
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn tasks_alive_at_the_snapshot_are_not_counted() {
    let _keep = blocked_task();
    let before = snapshot();
    assert_eq!(before.alive(), 1);
    before.verify(&Options::default()).await.unwrap();
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn an_aborted_task_is_not_reported() {
    let before = snapshot();
    let (_keep, never) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        let _ = never.await;
    });
    task.abort();
    before.verify(&Options::default()).await.unwrap();
}

#[test]
fn on_a_multi_thread_runtime_the_count_settles_late_and_verify_waits_for_it() {
    // Real time here: paused time needs a current-thread runtime. A clean verdict still
    // comes as soon as the count settles.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_time()
        .build()
        .unwrap();
    runtime.block_on(async {
        let before = snapshot();
        for _ in 0..100 {
            let (_keep, never) = oneshot::channel::<()>();
            let task = tokio::spawn(async move {
                let _ = never.await;
            });
            task.abort();
        }
        before
            .verify(&Options::default().deadline(Duration::from_secs(60)))
            .await
            .unwrap();
        let report = {
            let _keep = blocked_task();
            before
                .verify(&Options::default().deadline(Duration::from_millis(10)))
                .await
                .unwrap_err()
        };
        assert_eq!(report.tasks(), 1);
        assert!(report.to_string().contains("multi-thread"), "{report}");
    });
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn limit_spawn_blocking_jobs_are_not_tasks() {
    // tokio's task count leaves out `spawn_blocking` jobs: they run on threads, and only a
    // thread check sees them (see the `limits` tests).
    let before = snapshot();
    let (release, wait) = std::sync::mpsc::channel::<()>();
    let job = tokio::task::spawn_blocking(move || {
        let _ = wait.recv();
    });
    before.verify(&Options::default()).await.unwrap();
    drop(release);
    job.await.unwrap();
}

#[test]
fn limit_a_tokio_test_drops_its_leftover_tasks_so_a_test_that_never_checks_never_sees_them() {
    // What `#[tokio::test]` does when the test body returns: the runtime is dropped, and
    // every task on it with it.
    let (dropped_tx, dropped_rx) = std::sync::mpsc::channel::<()>();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap();
    runtime.block_on(async {
        tokio::spawn(async move {
            let _dropped_with_the_task = dropped_tx;
            std::future::pending::<()>().await;
        });
        tokio::task::yield_now().await;
    });
    drop(runtime);
    // The leaked task's future is gone: its sender was dropped with it.
    assert!(dropped_rx.recv().is_err());
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn limit_a_task_that_ends_while_another_leaks_is_not_told_apart() {
    // Task verdicts compare counts: one task of the snapshot ending while one new untraced
    // task leaks leaves the count as it was. A traced task is seen all the same (see
    // tests/traced.rs).
    let (finish, finished) = oneshot::channel::<()>();
    let older = tokio::spawn(async move {
        let _ = finished.await;
    });
    let before = snapshot();
    finish.send(()).unwrap();
    older.await.unwrap();
    let _keep = blocked_task();
    before.verify(&Options::default()).await.unwrap();
    assert_eq!(before.alive_now(), before.alive());
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn an_untraced_task_on_a_local_set_gets_an_answer_that_it_cannot_be_seen() {
    // tokio's count leaves out a LocalSet's tasks: a verdict told it runs inside one, that
    // finds nothing, says it cannot see them, rather than pass.
    let local = tokio::task::LocalSet::new();
    let (keep, never) = oneshot::channel::<()>();
    local
        .run_until(async move {
            let before = snapshot();
            tokio::task::spawn_local(async move {
                let _ = never.await;
            });
            tokio::task::yield_now().await;
            let options = Options::default().inside_local_set();
            let report = before.verify(&options).await.unwrap_err();
            let why = report
                .unsupported()
                .expect("no verdict on a LocalSet's tasks");
            assert!(why.contains("inside a tokio LocalSet"), "{report}");
            assert!(why.contains("Options::local_tasks_traced()"), "{report}");
        })
        .await;
    drop(keep);
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_leak_found_inside_a_local_set_says_untraced_local_tasks_are_not_seen() {
    let local = tokio::task::LocalSet::new();
    let (keep, never) = oneshot::channel::<()>();
    local
        .run_until(async move {
            let before = snapshot();
            tokio::task::spawn_local(checker::traced(async move {
                let _ = never.await;
            }));
            tokio::task::yield_now().await;
            let options = Options::default().inside_local_set();
            let report = before.verify(&options).await.unwrap_err();
            assert_eq!(report.traced_tasks().len(), 1, "{report}");
            assert!(report.unsupported().is_none(), "{report}");
            let [note] = report.notes() else {
                panic!("one note: {report}")
            };
            assert!(note.contains("local tasks not spawned through checker::traced are not seen"));
        })
        .await;
    drop(keep);
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn on_a_local_set_whose_tasks_are_all_traced_a_clean_verdict_passes() {
    let local = tokio::task::LocalSet::new();
    local
        .run_until(async {
            let before = snapshot();
            tokio::task::spawn_local(checker::traced(async {}))
                .await
                .unwrap();
            let options = Options::default().inside_local_set().local_tasks_traced();
            before.verify(&options).await.unwrap();
        })
        .await;
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn limit_a_verdict_not_told_of_its_local_set_does_not_see_an_untraced_local_task() {
    // tokio gives no way to ask whether code runs inside a LocalSet: a verdict that is not
    // told counts the runtime's tasks, and an untraced local task is not among them.
    let local = tokio::task::LocalSet::new();
    let (keep, never) = oneshot::channel::<()>();
    local
        .run_until(async move {
            let before = snapshot();
            tokio::task::spawn_local(async move {
                let _ = never.await;
            });
            tokio::task::yield_now().await;
            before.verify(&Options::default()).await.unwrap();
        })
        .await;
    drop(keep);
}

/// The fixture of the test below: verdicts of every kind (clean, leaking, inside a
/// LocalSet) between two marker lines on stdout and stderr, under a panic hook of its own
/// that counts the panics it sees.
#[test]
#[ignore = "a fixture for the test below, run in a process of its own"]
fn fixture_verdicts_under_a_hook_of_its_own() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    let seen = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&seen);
    std::panic::set_hook(Box::new(move |_| {
        counted.fetch_add(1, Ordering::SeqCst);
    }));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .start_paused(true)
        .build()
        .unwrap();
    println!("verdicts begin");
    eprintln!("verdicts begin");
    runtime.block_on(async {
        let before = snapshot();
        before.verify(&Options::default()).await.unwrap();
        let keep = blocked_task();
        before.verify(&Options::default()).await.unwrap_err();
        drop(keep);
        tokio::task::LocalSet::new()
            .run_until(async {
                let before = snapshot();
                let options = Options::default().inside_local_set();
                before.verify(&options).await.unwrap_err();
                before.verify(&options.local_tasks_traced()).await.unwrap();
            })
            .await;
    });
    println!("verdicts end");
    eprintln!("verdicts end");
    assert_eq!(
        seen.load(Ordering::SeqCst),
        0,
        "no panic was seen by the hook"
    );
    std::panic::catch_unwind(|| panic!("a later panic")).unwrap_err();
    assert_eq!(
        seen.load(Ordering::SeqCst),
        1,
        "the hook set above saw the panic"
    );
    println!("the hook is the test's own");
}

#[test]
fn a_task_verdict_prints_nothing_and_leaves_the_panic_hook_as_it_was() {
    let exe = std::env::current_exe().unwrap();
    let output = std::process::Command::new(exe)
        .args([
            "fixture_verdicts_under_a_hook_of_its_own",
            "--exact",
            "--ignored",
        ])
        .args(["--nocapture", "--test-threads=1"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(output.status.success(), "{stdout}{stderr}");
    assert!(stdout.contains("the hook is the test's own"), "{stdout}");
    for printed in [&stdout, &stderr] {
        let between = printed
            .split_once("verdicts begin\n")
            .and_then(|(_, rest)| rest.split_once("verdicts end\n"))
            .map(|(between, _)| between);
        assert_eq!(between, Some(""), "{printed}");
    }
}

#[test]
fn a_task_verdict_taken_in_a_drop_while_its_thread_unwinds_gives_its_verdict() {
    // A guard that checks in its `Drop`, reached while a failed assertion unwinds.
    struct VerifyOnDrop {
        runtime: tokio::runtime::Runtime,
        before: TaskSnapshot,
        verdict: std::sync::mpsc::Sender<(bool, Result<(), checker::LeakReport>)>,
    }
    impl Drop for VerifyOnDrop {
        fn drop(&mut self) {
            let options = Options::default().deadline(Duration::from_millis(10));
            let verdict = self.runtime.block_on(self.before.verify(&options));
            let _ = self.verdict.send((std::thread::panicking(), verdict));
        }
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .start_paused(true)
        .build()
        .unwrap();
    let (sender, verdicts) = std::sync::mpsc::channel();
    let (_keep, never) = oneshot::channel::<()>();
    let before = runtime.block_on(async {
        let before = snapshot();
        tokio::spawn(async move {
            let _ = never.await;
        });
        before
    });
    let unwound = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        let _guard = VerifyOnDrop {
            runtime,
            before,
            verdict: sender,
        };
        panic!("a failed assertion, on purpose");
    }));
    assert!(unwound.is_err());
    let (panicking, verdict) = verdicts.recv().unwrap();
    assert!(panicking, "the verdict was taken while the thread unwound");
    assert_eq!(verdict.unwrap_err().tasks(), 1);
}
