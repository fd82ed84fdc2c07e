//! Any platform other than Linux, macOS and Windows: threads cannot be listed, and every
//! thread verdict is a report that says so, never a pass.

use crate::LeakedThread;

const WHY: &str = "thread checks are not supported on this platform: they list threads on \
                   Linux, macOS and Windows only; task checks work everywhere";

/// Names are not read here.
pub(crate) const NAME_LIMIT: Option<usize> = None;

/// Names are not read here.
pub(crate) const NAMES_INHERITED: bool = false;

pub(crate) fn list_tids() -> Result<Vec<u64>, String> {
    Err(WHY.to_owned())
}

/// No thread is ever listed here, so none is ever asked about.
pub(crate) fn read_threads(_tids: &[u64]) -> Vec<LeakedThread> {
    Vec::new()
}

pub(crate) fn current_tid() -> Option<u64> {
    None
}
