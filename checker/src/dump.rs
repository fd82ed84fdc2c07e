//! Async backtraces of leaked tasks, when tokio's task dumps are built in (feature
//! `task-dump`, with `RUSTFLAGS="--cfg tokio_unstable"`, on Linux).
//!
//! Telling the tasks born after a snapshot from the ones before: tokio numbers tasks from
//! one process-wide counter, so every task spawned after the snapshot has a higher ID than
//! any spawned before it. The snapshot learns the counter's value by spawning one empty
//! task on a throwaway runtime of its own, which leaves the runtime under test untouched.

use tokio::runtime::Handle;

/// Without task dumps there is nothing to show beyond the count.
#[cfg(not(all(feature = "task-dump", tokio_unstable, target_os = "linux")))]
mod imp {
    use super::Handle;

    /// Where the task counter stood at the snapshot; nothing to record without dumps.
    #[derive(Debug, Clone, Copy)]
    pub(crate) struct Watermark;

    pub(crate) fn watermark() -> Watermark {
        Watermark
    }

    pub(crate) async fn leaked_tasks(
        _handle: &Handle,
        _since: Watermark,
    ) -> Vec<(tokio::task::Id, String)> {
        Vec::new()
    }
}

#[cfg(all(feature = "task-dump", tokio_unstable, target_os = "linux"))]
mod imp {
    use std::time::Duration;

    use super::Handle;
    use tokio::task::Id;

    /// A dump waits for every worker to reach a safe point; a worker stuck for longer than
    /// this gets the report without traces rather than a hang.
    const DUMP_TIMEOUT: Duration = Duration::from_secs(5);

    /// The ID of a task spawned at the snapshot: every later task has a higher one.
    #[derive(Debug, Clone, Copy)]
    pub(crate) struct Watermark(Option<Id>);

    pub(crate) fn watermark() -> Watermark {
        let Ok(runtime) = tokio::runtime::Builder::new_current_thread().build() else {
            return Watermark(None);
        };
        let id = runtime.spawn(async {}).id();
        // Never blocks, so it is allowed inside the caller's runtime too.
        runtime.shutdown_background();
        Watermark(Some(id))
    }

    /// The traces of the tasks on `handle` born after `since`, oldest first. Never an
    /// empty trace: a task whose trace is empty gets a line that says why.
    pub(crate) async fn leaked_tasks(handle: &Handle, since: Watermark) -> Vec<(Id, String)> {
        let Watermark(Some(since)) = since else {
            return Vec::new();
        };
        let Ok(dump) = tokio::time::timeout(DUMP_TIMEOUT, handle.dump()).await else {
            // No task to pin the line on: it stands for them all.
            return vec![(
                since,
                format!("(no trace: the runtime's workers did not answer within {DUMP_TIMEOUT:?})"),
            )];
        };
        let mut born_after: Vec<_> = dump
            .tasks()
            .iter()
            .filter(|task| task.id() > since)
            .map(|task| (task.id(), task.trace().to_string()))
            .collect();
        born_after.sort_by_key(|(id, _)| *id);
        born_after
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
                (id, text)
            })
            .collect()
    }
}

pub(crate) use imp::{Watermark, leaked_tasks, watermark};
