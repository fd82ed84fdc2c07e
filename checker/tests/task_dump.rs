//! With tokio's task dumps built in, a report shows where each leaked task waits.
//! Run with `RUSTFLAGS="--cfg tokio_unstable" cargo test -p checker --features task-dump`.

#![cfg(all(feature = "task-dump", tokio_unstable, target_os = "linux"))]

use std::time::Duration;

use checker::{Options, TaskSnapshot};
use tokio::sync::oneshot;

/// A named future, so that its frame can be found in the trace.
async fn waits_for_an_answer_that_never_comes(never: oneshot::Receiver<()>) {
    let _ = never.await;
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_task_born_after_an_empty_snapshot_is_dumped_and_its_wait_is_not_called_unknown() {
    let before = TaskSnapshot::take(&tokio::runtime::Handle::current());
    let (_keep, never) = oneshot::channel::<()>();
    tokio::spawn(waits_for_an_answer_that_never_comes(never));
    let report = before
        .verify(&Options::default().deadline(Duration::from_millis(10)))
        .await
        .unwrap_err();
    assert_eq!(report.tasks(), 1);
    assert_eq!(report.task_dumps().len(), 1, "{report}");
    assert!(
        report.task_dumps()[0].contains("waits_for_an_answer_that_never_comes"),
        "{report}"
    );
    let text = report.to_string();
    // The count, the line that says the task was not spawned through `traced`, its dump.
    assert!(!text.contains("is not known"), "{text}");
    let blocks: Vec<_> = text.split("\n\n").collect();
    assert_eq!(
        blocks[1],
        "1 task was not spawned through checker::traced; tokio's task dumps below tell \
         where it waits.",
        "{text}"
    );
    assert!(
        blocks[2].starts_with("Task ") && blocks[2].contains(", where it waits:\n"),
        "{text}"
    );
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn with_tasks_alive_at_the_snapshot_the_dumps_say_those_are_among_them() {
    // tokio's task IDs do not tell which tasks were born after the snapshot.
    let (_keep_old, never_old) = oneshot::channel::<()>();
    tokio::spawn(async move {
        let _ = never_old.await;
    });
    let before = TaskSnapshot::take(&tokio::runtime::Handle::current());
    let (_keep, never) = oneshot::channel::<()>();
    tokio::spawn(waits_for_an_answer_that_never_comes(never));
    let report = before
        .verify(&Options::default().deadline(Duration::from_millis(10)))
        .await
        .unwrap_err();
    assert_eq!(report.tasks(), 1);
    assert_eq!(report.task_dumps().len(), 2, "{report}");
    assert!(
        report
            .task_dumps()
            .iter()
            .any(|dump| dump.contains("waits_for_an_answer_that_never_comes")),
        "{report}"
    );
    let text = report.to_string();
    assert!(
        text.contains("The 1 task alive at the snapshot is among these"),
        "{text}"
    );
}

#[test]
fn a_multi_thread_runtime_is_traced_too() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_time()
        .build()
        .unwrap();
    runtime.block_on(async {
        let before = TaskSnapshot::take(&tokio::runtime::Handle::current());
        let (_keep, never) = oneshot::channel::<()>();
        tokio::spawn(waits_for_an_answer_that_never_comes(never));
        let report = before
            .verify(&Options::default().deadline(Duration::from_millis(10)))
            .await
            .unwrap_err();
        assert_eq!(report.task_dumps().len(), 1, "{report}");
        assert!(report.to_string().contains("multi-thread"), "{report}");
        assert!(report.task_dumps()[0].contains("waits_for_an_answer_that_never_comes"));
    });
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_task_whose_dump_is_empty_gets_a_line_that_says_why() {
    let before = TaskSnapshot::take(&tokio::runtime::Handle::current());
    // No tokio future inside: a task dump has nothing to trace.
    tokio::spawn(std::future::pending::<()>());
    let report = before
        .verify(&Options::default().deadline(Duration::from_millis(10)))
        .await
        .unwrap_err();
    let text = report.to_string();
    assert!(
        !text.contains("where it waits:\n\n") && !text.ends_with(':'),
        "{text}"
    );
    assert!(
        text.contains("no trace. tokio's task dumps trace only tokio's own futures"),
        "{text}"
    );
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_traced_task_is_told_by_its_wait_not_dumped_again() {
    let before = TaskSnapshot::take(&tokio::runtime::Handle::current());
    let (_keep, never) = oneshot::channel::<()>();
    tokio::spawn(checker::traced(waits_for_an_answer_that_never_comes(never)));
    let report = before
        .verify(&Options::default().deadline(Duration::from_millis(10)))
        .await
        .unwrap_err();
    assert_eq!(report.traced_tasks().len(), 1, "{report}");
    assert!(report.task_dumps().is_empty(), "{report}");
}
