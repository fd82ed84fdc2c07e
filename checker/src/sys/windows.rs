//! Windows: the threads of this process are those of a Toolhelp thread snapshot
//! (`CreateToolhelp32Snapshot` with `TH32CS_SNAPTHREAD`, which holds every thread of the
//! system) whose owner is this process. A thread's name is its description
//! (`GetThreadDescription`, which std's thread names set). Windows does not say here
//! whether a thread runs or waits: its state reads `-`.
//!
//! A thread that has exited stays in the snapshot while a handle to it is open (a
//! `JoinHandle` not yet joined holds one), so a listed thread counts as alive only while
//! `GetExitCodeThread` says `STILL_ACTIVE`. A thread that returned that very code (259)
//! would be taken for a running one; std's threads return 0.

// The Win32 calls are C functions: calling them takes `unsafe`, each call with its reason.
#![allow(unsafe_code)]

use std::{fmt, io, mem, ptr, slice};

use windows_sys::Win32::Foundation::{
    CloseHandle, ERROR_INVALID_PARAMETER, ERROR_NO_MORE_FILES, HANDLE, INVALID_HANDLE_VALUE,
    LocalFree, STILL_ACTIVE,
};
use windows_sys::Win32::System::Diagnostics::ToolHelp::{
    CreateToolhelp32Snapshot, TH32CS_SNAPTHREAD, THREADENTRY32, Thread32First, Thread32Next,
};
use windows_sys::Win32::System::Threading::{
    GetCurrentProcessId, GetCurrentThreadId, GetExitCodeThread, GetThreadDescription, OpenThread,
    THREAD_QUERY_LIMITED_INFORMATION,
};

use crate::{LeakedThread, ThreadState};

/// A description is kept whole.
pub(crate) const NAME_LIMIT: Option<usize> = None;

/// A new thread has no description until one is set.
pub(crate) const NAMES_INHERITED: bool = false;

/// The state of every thread here: not available.
const NO_STATE: ThreadState = ThreadState::NotAvailable;

/// Why Windows would not list this process's threads, or describe one of them.
#[derive(Debug)]
pub(crate) enum Error {
    /// `CreateToolhelp32Snapshot` failed: no thread is listed.
    TakeSnapshot(io::Error),
    /// Walking the snapshot stopped on an error, not at its end.
    ReadSnapshot(io::Error),
    /// A listed thread could not be opened for queries.
    OpenThread(io::Error),
    /// `GetThreadDescription` failed, with this `HRESULT`.
    Description(i32),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::TakeSnapshot(e) => write!(
                f,
                "cannot take a Toolhelp snapshot of this process's threads ({e})"
            ),
            Error::ReadSnapshot(e) => write!(
                f,
                "cannot read the Toolhelp snapshot of this process's threads ({e})"
            ),
            Error::OpenThread(e) => write!(f, "{e}"),
            Error::Description(hr) => {
                write!(f, "GetThreadDescription failed (HRESULT {hr:#010x})")
            }
        }
    }
}

/// The OS error is part of the message, so it is not given again as a `source`: a
/// printer of error chains would say it twice.
impl std::error::Error for Error {}

/// The IDs of this process's threads that are still running, in the snapshot's order.
pub(crate) fn list_tids() -> Result<Vec<u64>, Error> {
    // SAFETY: no pointer is passed; the handle returned is checked, and closed on drop.
    let snapshot = unsafe { CreateToolhelp32Snapshot(TH32CS_SNAPTHREAD, 0) };
    let snapshot = Handle::of(snapshot).map_err(Error::TakeSnapshot)?;
    // SAFETY: no argument, no failure.
    let pid = unsafe { GetCurrentProcessId() };
    let mut entry = new_entry();
    let mut tids = Vec::new();
    // SAFETY: `entry` is a THREADENTRY32 whose `dwSize` is set, valid for writes.
    let mut more = unsafe { Thread32First(snapshot.0, &mut entry) } != 0;
    while more {
        if entry.th32OwnerProcessID == pid && is_running(entry.th32ThreadID) {
            tids.push(u64::from(entry.th32ThreadID));
        }
        entry = new_entry();
        // SAFETY: as for `Thread32First`.
        more = unsafe { Thread32Next(snapshot.0, &mut entry) } != 0;
    }
    // The last call failed: at the end of the list it says so, anything else is an error.
    let end = io::Error::last_os_error();
    if end.raw_os_error() != Some(ERROR_NO_MORE_FILES as i32) {
        return Err(Error::ReadSnapshot(end));
    }
    Ok(tids)
}

/// Name of each of these threads; those that have exited are left out. A thread whose
/// description cannot be read is still returned, with the reason.
pub(crate) fn read_threads(tids: &[u64]) -> Vec<LeakedThread> {
    tids.iter().filter_map(|&tid| read_thread(tid)).collect()
}

/// The calling thread's ID, as the snapshot lists it.
pub(crate) fn current_tid() -> Option<u64> {
    // SAFETY: no argument, no failure.
    Some(u64::from(unsafe { GetCurrentThreadId() }))
}

fn read_thread(tid: u64) -> Option<LeakedThread> {
    // The snapshot's IDs are 32 bits: any other was never listed.
    let id = u32::try_from(tid).ok()?;
    let thread = match open(id) {
        Ok(Some(thread)) => thread,
        Ok(None) => return None,
        Err(e) => return Some(LeakedThread::unreadable_thread(tid, &Error::OpenThread(e))),
    };
    if !thread.still_active() {
        return None;
    }
    Some(match thread.description() {
        Ok(name) => LeakedThread::new(tid, name.as_bytes(), NO_STATE),
        Err(why) => LeakedThread::unreadable_thread(tid, &why),
    })
}

/// Whether a listed thread still runs. One that cannot be opened or asked is taken for
/// running, so that it is read again and reported, never passed over.
fn is_running(id: u32) -> bool {
    match open(id) {
        Ok(Some(thread)) => thread.still_active(),
        Ok(None) => false,
        Err(_) => true,
    }
}

/// A handle to thread `id` for queries; `None` if no thread has that ID any more.
fn open(id: u32) -> io::Result<Option<Handle>> {
    // SAFETY: plain values in; the handle returned is checked, and closed on drop.
    let handle = unsafe { OpenThread(THREAD_QUERY_LIMITED_INFORMATION, 0, id) };
    match Handle::of(handle) {
        Ok(handle) => Ok(Some(handle)),
        Err(e) if e.raw_os_error() == Some(ERROR_INVALID_PARAMETER as i32) => Ok(None),
        Err(e) => Err(e),
    }
}

fn new_entry() -> THREADENTRY32 {
    THREADENTRY32 {
        dwSize: mem::size_of::<THREADENTRY32>() as u32,
        cntUsage: 0,
        th32ThreadID: 0,
        th32OwnerProcessID: 0,
        tpBasePri: 0,
        tpDeltaPri: 0,
        dwFlags: 0,
    }
}

/// An open handle, closed when dropped.
struct Handle(HANDLE);

impl Handle {
    /// The handle a call returned, or the error it left: a failed call returns null or
    /// `INVALID_HANDLE_VALUE`, by function.
    fn of(handle: HANDLE) -> io::Result<Self> {
        if handle.is_null() || handle == INVALID_HANDLE_VALUE {
            Err(io::Error::last_os_error())
        } else {
            Ok(Self(handle))
        }
    }

    /// Whether the thread has not exited: its exit code is still `STILL_ACTIVE`. A thread
    /// whose exit code cannot be read is taken for running.
    fn still_active(&self) -> bool {
        let mut code = 0;
        // SAFETY: an open thread handle with query rights; `code` is valid for writes.
        let ok = unsafe { GetExitCodeThread(self.0, &mut code) } != 0;
        !ok || code == STILL_ACTIVE as u32
    }

    /// The thread's description, which Windows allocates and this frees (`LocalFree`).
    fn description(&self) -> Result<String, Error> {
        let mut text: *mut u16 = ptr::null_mut();
        // SAFETY: an open thread handle with query rights; `text` is valid for writes.
        let hr = unsafe { GetThreadDescription(self.0, &mut text) };
        if hr < 0 {
            return Err(Error::Description(hr));
        }
        if text.is_null() {
            return Ok(String::new());
        }
        let mut len = 0;
        // SAFETY: on success `text` is a NUL-terminated UTF-16 string, read up to its NUL
        // and freed once, after the last read.
        let name = unsafe {
            while *text.add(len) != 0 {
                len += 1;
            }
            let name = String::from_utf16_lossy(slice::from_raw_parts(text, len));
            LocalFree(text.cast());
            name
        };
        Ok(name)
    }
}

impl Drop for Handle {
    fn drop(&mut self) {
        // SAFETY: a handle this value owns, closed once.
        unsafe { CloseHandle(self.0) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_calling_thread_is_listed_under_the_id_current_tid_gives() {
        let tid = current_tid().unwrap();
        assert!(list_tids().unwrap().contains(&tid));
    }

    #[test]
    fn a_thread_is_read_with_its_description_and_no_state() {
        std::thread::Builder::new()
            .name("sys-probe".to_owned())
            .spawn(|| {
                let tid = current_tid().unwrap();
                let threads = read_threads(&[tid]);
                let [thread] = &threads[..] else {
                    panic!("expected the calling thread alone: {threads:?}");
                };
                assert_eq!(thread.name(), "sys-probe");
                assert_eq!(thread.state(), NO_STATE);
            })
            .unwrap()
            .join()
            .unwrap();
    }

    #[test]
    fn a_thread_that_has_exited_is_not_listed_while_its_handle_is_open() {
        let (done, exited) = std::sync::mpsc::channel();
        let handle = std::thread::spawn(move || {
            done.send(current_tid().unwrap()).unwrap();
        });
        let tid = exited.recv().unwrap();
        // The handle stays open until the join below; once the thread has exited, the
        // snapshot may still hold it, and the listing must not.
        while is_running(u32::try_from(tid).unwrap()) {
            std::thread::yield_now();
        }
        assert!(!list_tids().unwrap().contains(&tid));
        assert!(read_threads(&[tid]).is_empty());
        handle.join().unwrap();
    }
}
