//! Any platform other than Linux, macOS and Windows: threads cannot be listed, and every
//! thread verdict is a report that says so, never a pass.

use std::fmt;

use crate::LeakedThread;

/// Why threads cannot be listed here: there is one reason.
#[derive(Debug)]
pub(crate) enum Error {
    Unsupported,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Unsupported => f.write_str(
                "thread checks are not supported on this platform: they list threads on \
                 Linux, macOS and Windows only; task checks work everywhere",
            ),
        }
    }
}

impl std::error::Error for Error {}

/// Names are not read here.
pub(crate) const NAME_LIMIT: Option<usize> = None;

/// Names are not read here.
pub(crate) const NAMES_INHERITED: bool = false;

pub(crate) fn list_tids() -> Result<Vec<u64>, Error> {
    Err(Error::Unsupported)
}

/// No thread is ever listed here, so none is ever asked about.
pub(crate) fn read_threads(_tids: &[u64]) -> Vec<LeakedThread> {
    Vec::new()
}

pub(crate) fn current_tid() -> Option<u64> {
    None
}
