//! Where a leaked task waits: tasks spawned through `checker::traced` are named by the line
//! they were spawned at and the `.await` they are stopped at; others are counted and said
//! to be untraced. Never an empty trace.

use std::time::Duration;

use checker::{Options, TaskSnapshot, traced};
use tokio::runtime::Handle;
use tokio::sync::oneshot;

const SOON: Duration = Duration::from_millis(10);

fn snapshot() -> TaskSnapshot {
    TaskSnapshot::take(&Handle::current())
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_traced_task_is_named_by_the_await_it_is_stopped_at() {
    let before = snapshot();
    let (keep, never) = oneshot::channel::<()>();
    let spawn_line = line!() + 1;
    tokio::spawn(traced(async move {
        let _ = never.await;
    }));
    let wait_line = spawn_line + 1;
    let report = before
        .verify(&Options::default().deadline(SOON))
        .await
        .unwrap_err();
    let [task] = report.traced_tasks() else {
        panic!("one traced task: {report}")
    };
    // Both read from the project's root, though `cargo test` runs in the crate's folder.
    assert!(
        task.spawned_at()
            .starts_with(&format!("checker/tests/traced.rs:{spawn_line}:")),
        "{report}"
    );
    assert!(
        task.waits_at()
            .unwrap()
            .starts_with(&format!("checker/tests/traced.rs:{wait_line}:")),
        "{report}"
    );
    let (_, function) = task.wait_frames().next().unwrap();
    assert!(
        function.starts_with("traced::a_traced_task_is_named_by_the_await"),
        "{report}"
    );
    let text = report.to_string();
    assert!(
        text.contains(&format!("Task spawned at {}", task.spawned_at())),
        "{text}"
    );
    assert!(
        text.contains(&format!("waits at {}", task.waits_at().unwrap())),
        "{text}"
    );
    assert!(
        !text.contains("not spawned through checker::traced"),
        "{text}"
    );
    drop(keep);
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn the_wait_is_the_latest_one_not_the_first() {
    let before = snapshot();
    let (keep, never) = oneshot::channel::<()>();
    tokio::spawn(traced(async move {
        tokio::time::sleep(Duration::from_millis(1)).await; // first wait
        let _ = never.await; // second wait: where it stays
    }));
    let second = line!() - 2;
    let report = before
        .verify(&Options::default().deadline(SOON))
        .await
        .unwrap_err();
    let waits = report.traced_tasks()[0].waits_at().unwrap().to_owned();
    assert!(waits.contains(&format!(".rs:{second}:")), "{report}");
    drop(keep);
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn untraced_tasks_are_counted_and_said_to_be_untraced() {
    let before = snapshot();
    let (keep, never) = oneshot::channel::<()>();
    let (keep_too, never_too) = oneshot::channel::<()>();
    tokio::spawn(async move {
        let _ = never.await;
    });
    tokio::spawn(traced(async move {
        let _ = never_too.await;
    }));
    let report = before
        .verify(&Options::default().deadline(SOON))
        .await
        .unwrap_err();
    assert_eq!(report.tasks(), 2);
    assert_eq!(report.traced_tasks().len(), 1);
    let text = report.to_string();
    // With tokio's task dumps built in, the dump tells where it waits.
    let said = if report.task_dumps().is_empty() {
        "1 task was not spawned through checker::traced: where it waits is not known"
    } else {
        "1 task was not spawned through checker::traced; tokio's task dumps below tell where \
         it waits."
    };
    assert!(text.contains(said), "{text}");
    assert_eq!(
        text.contains("is not known"),
        report.task_dumps().is_empty(),
        "{text}"
    );
    drop((keep, keep_too));
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn identical_traced_tasks_read_as_one_block() {
    let before = snapshot();
    let (keep, never) = tokio::sync::watch::channel(());
    for _ in 0..3 {
        let mut never = never.clone();
        tokio::spawn(traced(async move {
            let _ = never.wait_for(|_| false).await;
        }));
    }
    let report = before
        .verify(&Options::default().deadline(SOON))
        .await
        .unwrap_err();
    assert_eq!(report.traced_tasks().len(), 3);
    let text = report.to_string();
    assert!(text.contains("\n\n3 tasks spawned at "), "{text}");
    assert_eq!(text.matches("waits at").count(), 1, "{text}");
    drop(keep);
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_task_that_has_not_run_yet_says_so() {
    let before = snapshot();
    tokio::spawn(traced(std::future::pending::<()>()));
    // A deadline of zero checks once, before the new task has been polled.
    let report = before
        .verify(&Options::default().deadline(Duration::ZERO))
        .await;
    let report = report.unwrap_err();
    let text = report.to_string();
    // Either it had not run (the check came first), or it had, and names its wait.
    assert!(
        text.contains("it has not waited yet") || text.contains("waits at"),
        "{text}"
    );
    assert!(!text.contains("waits at\n"), "{text}");
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_finished_traced_task_is_not_reported() {
    let before = snapshot();
    tokio::spawn(traced(async {})).await.unwrap();
    before.verify(&Options::default()).await.unwrap();
}

#[test]
fn a_traced_task_on_another_runtime_is_not_in_this_report() {
    let other = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let mine = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap();
    let before = mine.block_on(async { snapshot() });
    let (keep_other, never_other) = oneshot::channel::<()>();
    let _elsewhere = other.spawn(traced(async move {
        let _ = never_other.await;
    }));
    other.block_on(tokio::task::yield_now());
    mine.block_on(async {
        let (keep, never) = oneshot::channel::<()>();
        tokio::spawn(traced(async move {
            let _ = never.await;
        }));
        let report = before
            .verify(&Options::default().deadline(SOON))
            .await
            .unwrap_err();
        assert_eq!(report.tasks(), 1, "{report}");
        assert_eq!(report.traced_tasks().len(), 1, "{report}");
        drop(keep);
    });
    drop(keep_other);
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_traced_task_leaked_on_a_local_set_is_reported() {
    // tokio's count leaves out a LocalSet's tasks; a traced task is known by identity.
    let local = tokio::task::LocalSet::new();
    let (keep, never) = oneshot::channel::<()>();
    local
        .run_until(async move {
            let before = snapshot();
            tokio::task::spawn_local(traced(async move {
                let _ = never.await;
            }));
            let report = before
                .verify(&Options::default().deadline(SOON))
                .await
                .unwrap_err();
            assert_eq!(report.tasks(), 1, "{report}");
            assert!(
                report.to_string().contains("tokio counts 0 of them"),
                "{report}"
            );
        })
        .await;
    drop(keep);
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_traced_leak_is_seen_while_another_task_ends() {
    let (done, finish) = oneshot::channel::<()>();
    let ending = tokio::spawn(async move {
        let _ = finish.await;
    });
    let before = snapshot();
    let (keep, never) = oneshot::channel::<()>();
    tokio::spawn(traced(async move {
        let _ = never.await;
    }));
    done.send(()).unwrap();
    ending.await.unwrap();
    // One task ended, one was born: the count is back where it was, the leak is not.
    assert_eq!(before.alive_now(), before.alive());
    let report = before
        .verify(&Options::default().deadline(SOON))
        .await
        .unwrap_err();
    assert_eq!(report.tasks(), 1, "{report}");
    drop(keep);
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_block_of_tasks_names_their_ids_as_tokio_shows_them() {
    let before = snapshot();
    let (keep, never) = tokio::sync::watch::channel(());
    let mut ids = Vec::new();
    for _ in 0..3 {
        let mut never = never.clone();
        let task = tokio::spawn(traced(async move {
            let _ = never.changed().await;
        }));
        ids.push(task.id());
    }
    let report = before
        .verify(&Options::default().deadline(SOON))
        .await
        .unwrap_err();
    // IDs are opaque to the report: shown as tokio displays them, in their own order.
    ids.sort();
    let shown: Vec<String> = ids.iter().map(ToString::to_string).collect();
    let text = report.to_string();
    assert!(
        text.contains(&format!("(tokio task IDs {})", shown.join(", "))),
        "{text}"
    );
    drop(keep);
}
