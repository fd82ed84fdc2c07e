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
//!
//! Windows gives an exited thread's ID to a new thread at once, but not while a handle to
//! the exited thread is open: the ID belongs to the thread object, which lives as long as
//! a handle does, so that its exit code can still be asked for (as for a process's ID:
//! "When does a process ID become available for reuse?", The Old New Thing, 2011). So
//! [`list_and_hold`] keeps a handle open to each thread it lists ([`Held`]), and a thread
//! born while they are held never wears the ID of one of them; a [`HeldThread`] holds one
//! thread, from the thread itself, until it is seen to have exited.
//!
//! `GetThreadDescription` came with Windows 10 1607: it is looked up when first needed,
//! as std looks up `SetThreadDescription`, so that a binary that uses this crate starts
//! on older Windows too (where names read as not available).

// The Win32 calls are C functions: calling them takes `unsafe`, each call with its reason.
#![allow(unsafe_code)]

use std::os::windows::io::{
    AsRawHandle, FromRawHandle, HandleOrInvalid, HandleOrNull, OwnedHandle,
};
use std::sync::OnceLock;
use std::{fmt, io, mem, ptr, slice};

use windows_sys::Win32::Foundation::{
    DuplicateHandle, ERROR_INVALID_PARAMETER, ERROR_NO_MORE_FILES, HANDLE, LocalFree, STILL_ACTIVE,
};
use windows_sys::Win32::System::Diagnostics::ToolHelp::{
    CreateToolhelp32Snapshot, TH32CS_SNAPTHREAD, THREADENTRY32, Thread32First, Thread32Next,
};
use windows_sys::Win32::System::LibraryLoader::{GetModuleHandleW, GetProcAddress};
use windows_sys::Win32::System::Threading::{
    GetCurrentProcess, GetCurrentProcessId, GetCurrentThread, GetCurrentThreadId,
    GetExitCodeThread, OpenThread, THREAD_QUERY_LIMITED_INFORMATION,
};
use windows_sys::core::{HRESULT, PWSTR};

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
    /// This Windows has no `GetThreadDescription` (it came with Windows 10 1607).
    NoDescription,
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
            Error::NoDescription => f.write_str(
                "this Windows keeps no thread names (GetThreadDescription came with \
                 Windows 10 1607)",
            ),
        }
    }
}

/// The OS error is part of the message, so it is not given again as a `source`: a
/// printer of error chains would say it twice.
impl std::error::Error for Error {}

/// Handles open to the threads of a listing, closed when dropped: while they are open, no
/// new thread is given the ID of one of those threads, even once it has exited.
pub(crate) struct Held(Vec<OwnedHandle>);

impl Held {
    /// How many threads are held.
    fn len(&self) -> usize {
        self.0.len()
    }
}

impl fmt::Debug for Held {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Held({} threads)", self.len())
    }
}

/// A handle to one thread, taken by the thread itself and held while it runs, so that no
/// thread born meanwhile wears its ID; let go once the thread is seen to have exited.
#[derive(Debug)]
pub(crate) enum HeldThread {
    Held(OwnedHandle),
    /// Seen to have exited: its ID may be another thread's now.
    Exited,
    /// No handle could be taken: the ID alone tells the thread.
    Unheld,
}

impl HeldThread {
    /// A handle to the calling thread: `GetCurrentThread`'s pseudo handle, made real.
    pub(crate) fn current() -> Self {
        let mut handle: HANDLE = ptr::null_mut();
        // SAFETY: the pseudo handles of this process and thread, valid in it; `handle` is
        // valid for writes.
        let ok = unsafe {
            DuplicateHandle(
                GetCurrentProcess(),
                GetCurrentThread(),
                GetCurrentProcess(),
                &mut handle,
                THREAD_QUERY_LIMITED_INFORMATION,
                0,
                0,
            )
        } != 0;
        if !ok {
            return Self::Unheld;
        }
        // SAFETY: a handle DuplicateHandle just made, owned by nothing else.
        Self::Held(unsafe { OwnedHandle::from_raw_handle(handle) })
    }

    /// Whether the thread may still run: `false` once it has been seen to exit (its
    /// handle is then let go).
    pub(crate) fn may_run(&mut self) -> bool {
        match self {
            Self::Held(thread) if !still_active(thread) => {
                *self = Self::Exited;
                false
            }
            Self::Held(_) | Self::Unheld => true,
            Self::Exited => false,
        }
    }
}

/// The IDs of this process's threads that are still running, in the snapshot's order.
pub(crate) fn list_tids() -> Result<Vec<u64>, Error> {
    Ok(list()?.into_iter().map(|(tid, _)| tid).collect())
}

/// The IDs of this process's threads that are still running, in the snapshot's order,
/// and a handle held open to each. A thread that cannot be opened is listed, taken for
/// running (see [`running`]), and not held.
pub(crate) fn list_and_hold() -> Result<(Vec<u64>, Held), Error> {
    let (tids, handles) = list()?.into_iter().unzip::<_, _, Vec<_>, Vec<_>>();
    Ok((tids, Held(handles.into_iter().flatten().collect())))
}

/// This process's threads that are still running, each with the handle that asked it, if
/// it could be opened.
fn list() -> Result<Vec<(u64, Option<OwnedHandle>)>, Error> {
    // SAFETY: no pointer is passed. The handle returned is checked below, and owned.
    let snapshot = unsafe { CreateToolhelp32Snapshot(TH32CS_SNAPTHREAD, 0) };
    // SAFETY: a handle just returned, owned by nothing else; this call fails on the value
    // a failed call returns, INVALID_HANDLE_VALUE.
    let snapshot = OwnedHandle::try_from(unsafe { HandleOrInvalid::from_raw_handle(snapshot) })
        .map_err(|_| Error::TakeSnapshot(io::Error::last_os_error()))?;
    // SAFETY: no argument, no failure.
    let pid = unsafe { GetCurrentProcessId() };
    let mut entry = new_entry();
    let mut threads = Vec::new();
    // SAFETY: an open snapshot handle; `entry` is a THREADENTRY32 whose `dwSize` is set,
    // valid for writes.
    let mut more = unsafe { Thread32First(raw(&snapshot), &mut entry) } != 0;
    while more {
        if entry.th32OwnerProcessID == pid
            && let Some(thread) = running(entry.th32ThreadID)
        {
            threads.push((u64::from(entry.th32ThreadID), thread));
        }
        entry = new_entry();
        // SAFETY: as for `Thread32First`.
        more = unsafe { Thread32Next(raw(&snapshot), &mut entry) } != 0;
    }
    // The last call failed: at the end of the list it says so, anything else is an error.
    let end = io::Error::last_os_error();
    if end.raw_os_error() != Some(ERROR_NO_MORE_FILES as i32) {
        return Err(Error::ReadSnapshot(end));
    }
    Ok(threads)
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
    if !still_active(&thread) {
        return None;
    }
    Some(match description(&thread) {
        Ok(name) => LeakedThread::new(tid, name.as_bytes(), NO_STATE),
        Err(why) => LeakedThread::unreadable_thread(tid, &why),
    })
}

/// Whether a listed thread still runs: `Some` with the handle that asked it if it does,
/// `Some(None)` if it cannot be opened or asked (it is taken for running, so that it is
/// read again and reported, never passed over), `None` if it has exited.
fn running(id: u32) -> Option<Option<OwnedHandle>> {
    match open(id) {
        Ok(Some(thread)) => still_active(&thread).then_some(Some(thread)),
        Ok(None) => None,
        Err(_) => Some(None),
    }
}

/// Whether thread `id` still runs, as [`running`] tells it.
#[cfg(test)]
fn is_running(id: u32) -> bool {
    running(id).is_some()
}

/// A handle to thread `id` for queries; `None` if no thread has that ID any more.
fn open(id: u32) -> io::Result<Option<OwnedHandle>> {
    // SAFETY: plain values in. The handle returned is checked below, and owned.
    let handle = unsafe { OpenThread(THREAD_QUERY_LIMITED_INFORMATION, 0, id) };
    // SAFETY: a handle just returned, owned by nothing else; OpenThread returns null when
    // it fails.
    match OwnedHandle::try_from(unsafe { HandleOrNull::from_raw_handle(handle) }) {
        Ok(handle) => Ok(Some(handle)),
        Err(_) => {
            let e = io::Error::last_os_error();
            if e.raw_os_error() == Some(ERROR_INVALID_PARAMETER as i32) {
                Ok(None)
            } else {
                Err(e)
            }
        }
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

fn raw(handle: &OwnedHandle) -> HANDLE {
    handle.as_raw_handle()
}

/// Whether the thread has not exited: its exit code is still `STILL_ACTIVE`. A thread
/// whose exit code cannot be read is taken for running.
fn still_active(thread: &OwnedHandle) -> bool {
    let mut code = 0;
    // SAFETY: an open thread handle with query rights; `code` is valid for writes.
    let ok = unsafe { GetExitCodeThread(raw(thread), &mut code) } != 0;
    !ok || code == STILL_ACTIVE as u32
}

/// The thread's description, which Windows allocates and this frees (`LocalFree`).
fn description(thread: &OwnedHandle) -> Result<String, Error> {
    let get_thread_description = get_thread_description().ok_or(Error::NoDescription)?;
    let mut text: PWSTR = ptr::null_mut();
    // SAFETY: an open thread handle with query rights; `text` is valid for writes.
    let hr = unsafe { get_thread_description(raw(thread), &mut text) };
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

/// `GetThreadDescription`'s signature (processthreadsapi.h).
type GetThreadDescription = unsafe extern "system" fn(HANDLE, *mut PWSTR) -> HRESULT;

/// `GetThreadDescription`, looked up once in kernel32 (where Windows 10 1607 and later
/// export it) or KernelBase (where it lives): `None` on a Windows without it.
fn get_thread_description() -> Option<GetThreadDescription> {
    static FOUND: OnceLock<Option<GetThreadDescription>> = OnceLock::new();
    *FOUND.get_or_init(|| {
        [
            windows_sys::w!("kernel32.dll"),
            windows_sys::w!("kernelbase.dll"),
        ]
        .into_iter()
        .find_map(|module| {
            // SAFETY: a NUL-terminated UTF-16 name. A module loaded in every process
            // (kernel32 always, KernelBase on Windows 7 and later) stays loaded, so
            // the handle, which holds no reference, stays good.
            let module = unsafe { GetModuleHandleW(module) };
            if module.is_null() {
                return None;
            }
            // SAFETY: a module handle and a NUL-terminated ANSI name.
            let found = unsafe { GetProcAddress(module, windows_sys::s!("GetThreadDescription")) }?;
            // SAFETY: the export of that name is GetThreadDescription, whose signature
            // is the one `GetThreadDescription` spells; the module stays loaded (above).
            Some(unsafe {
                mem::transmute::<unsafe extern "system" fn() -> isize, GetThreadDescription>(found)
            })
        })
    })
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
    fn every_thread_listed_to_be_held_is_held() {
        let (tids, held) = list_and_hold().unwrap();
        assert!(tids.contains(&current_tid().unwrap()));
        assert_eq!(held.len(), tids.len());
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
