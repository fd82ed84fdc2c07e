//! Async backtraces of leaked tasks, when tokio's task dumps are built in.

use tokio::runtime::Handle;

/// Without the `task-dump` feature there is nothing to show beyond the count.
#[cfg(not(all(feature = "task-dump", tokio_unstable, target_os = "linux")))]
pub(crate) async fn leaked_tasks(_handle: &Handle, _leaked: usize) -> Vec<String> {
    Vec::new()
}
