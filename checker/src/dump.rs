//! Async backtraces of leaked tasks, when tokio's task dumps are built in (feature
//! `task-dump`, with `RUSTFLAGS="--cfg tokio_unstable"`, on Linux).
//!
//! A dump holds every task alive on the runtime, each with its `tokio::task::Id`. tokio
//! promises of an ID only that it names one task among those alive (it is unique among
//! them, and compares equal to itself); IDs are not handed out in spawn order. So a dump
//! cannot tell the tasks born after a snapshot from those alive at it: the verdict shows
//! them all, and says so when the snapshot had tasks of its own.

use tokio::runtime::Handle;

/// Without task dumps there is nothing to show beyond the count.
#[cfg(not(all(feature = "task-dump", tokio_unstable, target_os = "linux")))]
pub(crate) async fn alive_tasks(_handle: &Handle) -> Vec<(Option<tokio::task::Id>, String)> {
    Vec::new()
}

/// A dump waits for every worker to reach a safe point; a worker stuck for longer than
/// this gets the report without traces rather than a hang.
#[cfg(all(feature = "task-dump", tokio_unstable, target_os = "linux"))]
const DUMP_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// The traces of the tasks alive on `handle`, in the order of their IDs (which means
/// nothing but that a report reads the same each time). Never an empty trace: a task
/// whose trace is empty gets a line that says why. `None` in place of the ID for the line
/// that says no dump came.
#[cfg(all(feature = "task-dump", tokio_unstable, target_os = "linux"))]
pub(crate) async fn alive_tasks(handle: &Handle) -> Vec<(Option<tokio::task::Id>, String)> {
    let Ok(dump) = tokio::time::timeout(DUMP_TIMEOUT, handle.dump()).await else {
        return vec![(
            None,
            format!("(no trace: the runtime's workers did not answer within {DUMP_TIMEOUT:?})"),
        )];
    };
    let mut tasks: Vec<_> = dump
        .tasks()
        .iter()
        .map(|task| (task.id(), task.trace().to_string()))
        .collect();
    tasks.sort_by_key(|(id, _)| *id);
    tasks
        .into_iter()
        .map(|(id, trace)| {
            let text = if trace.trim().is_empty() {
                format!(
                    "Task {id}: no trace. tokio's task dumps trace only tokio's own \
                     futures (its timers, I/O and sync types), and this task waits on \
                     something else; spawn it through checker::traced to see where"
                )
            } else {
                format!("Task {id}, where it waits:\n{trace}")
            };
            (Some(id), text)
        })
        .collect()
}
