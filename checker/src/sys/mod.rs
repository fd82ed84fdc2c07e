//! The platform side of thread listing, one module per platform: Linux reads `/proc`, macOS
//! asks the Mach kernel, Windows takes a Toolhelp snapshot, and anything else gets a clear
//! refusal.
//!
//! Each module gives the same items: `read_threads` (the name and state of the given
//! threads, leaving out those that have exited, with the reason where one could not be
//! read), `current_tid`, `Error` (why: an enum of the platform's own failures, whose
//! `Display` is what a report says), and three facts: `NAME_LIMIT` (the bytes of a name
//! the platform keeps), `NAMES_INHERITED` (whether a new thread wears its creator's name
//! until it names itself) and `NO_WAIT_CHANNEL` (why a report names no wait channel, where
//! the platform has none). Linux alone has wait channels (`read_wchan`); elsewhere a report
//! says that the wait channel is not available.
//!
//! What a snapshot keeps to know its threads again is a `Baseline`: `take` lists the
//! threads, `newcomers` gives the IDs listed now that are not the snapshot's threads,
//! `quickly_clean` may prove at once that there are none, and `knows` tells whether a
//! described thread is one of them. A thread's `Mark` is what tells it from a later thread
//! on the same ID, read with its name (`LeakedThread::with_mark`) and for the calling
//! thread (`current_mark`). Linux's own are in `linux`: marks are start times, and a clean
//! verdict reads only the end of the listing. Elsewhere they are built below from the
//! module's `list_and_hold` (the IDs of this process's threads, or why they cannot be
//! listed, and a `Held` that keeps those IDs from going to new threads while it lives) and
//! `list_tids` (the IDs alone): a mark is `()`, a baseline is the sorted IDs and their
//! `Held`, and every verdict lists every thread. macOS never reuses a thread's ID (a 64-bit
//! count); Windows gives an exited thread's ID to the next thread at once, but not while a
//! handle to the thread is open, which the `Held` keeps. A `HeldThread` is the same for
//! one thread, taken by the thread itself (`HeldThread::current`) and let go once it is
//! seen to have exited (`may_run`): what `StartedThreads` keeps of each thread it records.
//! Off Windows both hold nothing.

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

/// Why a report names no wait channel off Linux.
#[cfg(not(target_os = "linux"))]
pub(crate) const NO_WAIT_CHANNEL: Option<&str> =
    Some("not available on this platform (wait channels are Linux's)");

#[cfg(not(target_os = "linux"))]
pub(crate) use by_id::*;

/// Nothing to hold off Windows: Linux tells a thread from a later one on its TID by its
/// start time (its `Mark`), and macOS never reuses an ID.
#[cfg(not(windows))]
#[derive(Debug)]
pub(crate) struct HeldThread;

#[cfg(not(windows))]
impl HeldThread {
    pub(crate) fn current() -> Self {
        Self
    }

    /// Whether the thread may still run: its ID and mark tell.
    pub(crate) fn may_run(&mut self) -> bool {
        true
    }
}

/// Nothing to hold where a thread's ID is not reused while a snapshot lives: macOS never
/// reuses one.
#[cfg(not(any(target_os = "linux", windows)))]
#[derive(Debug)]
pub(crate) struct Held;

/// The IDs of this process's threads, as `list_tids` gives them; nothing is held.
#[cfg(not(any(target_os = "linux", windows)))]
pub(crate) fn list_and_hold() -> Result<(Vec<u64>, Held), Error> {
    list_tids().map(|tids| (tids, Held))
}

/// A thread known by its ID alone: exact where IDs are never reused (macOS's are a 64-bit
/// count), and on Windows, which gives one out again at once, while the baseline holds its
/// threads (`Held`).
#[cfg(not(target_os = "linux"))]
mod by_id {
    use super::{Error, Held, list_and_hold, list_tids};

    /// Nothing beside the ID tells a thread apart here.
    pub(crate) type Mark = ();

    /// The calling thread's mark: there is nothing to read.
    pub(crate) fn current_mark() -> Option<Mark> {
        Some(())
    }

    /// A snapshot's threads: their IDs, sorted, and what keeps them from going to new
    /// threads for as long as the baseline lives (on Windows, a handle open to each).
    #[derive(Debug)]
    pub(crate) struct Baseline {
        tids: Vec<u64>,
        _held: Held,
    }

    impl Baseline {
        pub(crate) fn take() -> Result<Self, Error> {
            let (mut tids, held) = list_and_hold()?;
            tids.sort_unstable();
            Ok(Self { tids, _held: held })
        }

        pub(crate) fn len(&self) -> usize {
            self.tids.len()
        }

        pub(crate) fn tids(&self) -> Vec<u64> {
            self.tids.clone()
        }

        /// No part of a listing can be read alone here: the full listing decides.
        pub(crate) fn quickly_clean(&self) -> bool {
            false
        }

        pub(crate) fn newcomers(&self) -> Result<Vec<u64>, Error> {
            let mut now = list_tids()?;
            now.retain(|tid| self.tids.binary_search(tid).is_err());
            Ok(now)
        }

        pub(crate) fn knows(&self, tid: u64, _mark: Option<Mark>) -> bool {
            self.tids.binary_search(&tid).is_ok()
        }
    }
}

/// Off Linux the kernel does not tell where a thread sleeps.
#[cfg(not(target_os = "linux"))]
pub(crate) fn read_wchan(_tid: u64) -> Option<String> {
    None
}
