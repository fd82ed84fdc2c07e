//! The platform side of thread listing, one module per platform: Linux reads `/proc`, macOS
//! asks the Mach kernel, Windows takes a Toolhelp snapshot, and anything else gets a clear
//! refusal.
//!
//! Each module gives the same items: `list_tids` (the IDs of this process's threads, or why
//! they cannot be listed), `read_threads` (the name and state of the given threads, leaving
//! out those that have exited, with the reason where one could not be read), `current_tid`,
//! `Error` (why: an enum of the platform's own failures, whose `Display` is what a report
//! says), and three facts: `NAME_LIMIT` (the bytes of a name the platform keeps),
//! `NAMES_INHERITED` (whether a new thread wears its creator's name until it names itself)
//! and `NO_WAIT_CHANNEL` (why a report names no wait channel, where the platform has none).
//! Linux alone has the quick tail read of the clean verdict (`tail_from`) and wait channels
//! (`read_wchan`); elsewhere the full listing decides every verdict and a report says that
//! the wait channel is not available. Windows alone gives an exited thread's ID to a new
//! thread at once: there `list_and_hold` lists the IDs and keeps a handle open to each
//! thread (a `Held`), which keeps its ID from being reused while the `Held` lives;
//! elsewhere it is `list_tids` and a `Held` of nothing.

#[cfg(target_os = "linux")]
mod linux;
#[cfg(target_os = "linux")]
pub(crate) use linux::*;

#[cfg(target_os = "macos")]
mod macos;
#[cfg(target_os = "macos")]
pub(crate) use macos::*;

#[cfg(windows)]
mod windows;
#[cfg(windows)]
pub(crate) use windows::*;

#[cfg(not(any(target_os = "linux", target_os = "macos", windows)))]
mod other;
#[cfg(not(any(target_os = "linux", target_os = "macos", windows)))]
pub(crate) use other::*;

/// Off Windows nothing needs holding: Linux hands out thread IDs in increasing order (a
/// reused one comes only after `pid_max` others), and macOS never reuses one.
#[cfg(not(windows))]
#[derive(Debug)]
pub(crate) struct Held;

/// The IDs of this process's threads, as [`list_tids`] gives them; nothing is held.
#[cfg(not(windows))]
pub(crate) fn list_and_hold() -> Result<(Vec<u64>, Held), Error> {
    list_tids().map(|tids| (tids, Held))
}

/// Why a report names no wait channel off Linux.
#[cfg(not(target_os = "linux"))]
pub(crate) const NO_WAIT_CHANNEL: Option<&str> =
    Some("not available on this platform (wait channels are Linux's)");

/// Off Linux no listing can be read from a given thread on: the full listing decides.
#[cfg(not(target_os = "linux"))]
pub(crate) fn tail_from(_index: usize) -> Option<Vec<u64>> {
    None
}

/// Off Linux the kernel does not tell where a thread sleeps.
#[cfg(not(target_os = "linux"))]
pub(crate) fn read_wchan(_tid: u64) -> Option<String> {
    None
}
