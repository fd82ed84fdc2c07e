//! macOS: the threads of this process are its Mach task's threads (`task_threads`). Each is
//! known by its unique 64-bit ID (`thread_info` with `THREAD_IDENTIFIER_INFO`, the ID that
//! `pthread_threadid_np` gives too) and described by `THREAD_EXTENDED_INFO`: its pthread
//! name and run state.
//!
//! `task_threads` hands over a send right to each thread, in an array allocated in this
//! task's memory: [`Threads`] gives every right and the array back when it is dropped.

// The Mach calls are C functions: calling them takes `unsafe`, each call with its reason.
#![allow(unsafe_code)]

use std::mem::{self, MaybeUninit};
use std::{fmt, ptr, slice};

use mach2::kern_return::{KERN_INVALID_ARGUMENT, KERN_SUCCESS, KERN_TERMINATED, kern_return_t};
use mach2::mach_port::mach_port_deallocate;
use mach2::mach_types::{thread_act_array_t, thread_act_t};
use mach2::message::{MACH_SEND_INVALID_DEST, mach_msg_type_number_t};
use mach2::task::task_threads;
use mach2::traps::mach_task_self;
use mach2::vm::mach_vm_deallocate;
use mach2::vm_types::{mach_vm_address_t, mach_vm_size_t};

use crate::{LeakedThread, ThreadState};

/// The kernel keeps a pthread name in `MAXTHREADNAMESIZE` bytes, with its NUL; std cuts a
/// longer name to fit, without regard for UTF-8.
pub(crate) const NAME_LIMIT: Option<usize> = Some(libc::MAXTHREADNAMESIZE - 1);

/// A new thread has no name until it names itself (only a thread can name itself here).
pub(crate) const NAMES_INHERITED: bool = false;

/// Why the kernel would not list this task's threads, or describe one of them: each
/// carries the Mach call's answer.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Error {
    /// `task_threads` failed: no thread is listed.
    TaskThreads(kern_return_t),
    /// The ID of a listed thread could not be read, so the listing is not whole.
    ThreadId(kern_return_t),
    /// The ID of some listed thread could not be read, so a thread asked for and not found
    /// may be that one: it is not known to have exited.
    SomeThreadId(kern_return_t),
    /// A thread's description (`THREAD_EXTENDED_INFO`) could not be read.
    ExtendedInfo(kern_return_t),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::TaskThreads(kr) => write!(
                f,
                "cannot list this task's threads (task_threads returned {kr})"
            ),
            Error::ThreadId(kr) => write!(
                f,
                "cannot read the ID of one of this task's threads (thread_info returned {kr})"
            ),
            Error::SomeThreadId(kr) => write!(
                f,
                "the ID of a listed thread could not be read (thread_info returned {kr})"
            ),
            Error::ExtendedInfo(kr) => write!(f, "thread_info returned {kr}"),
        }
    }
}

impl std::error::Error for Error {}

/// The IDs of this task's threads, in the kernel's order.
pub(crate) fn list_tids() -> Result<Vec<u64>, Error> {
    let threads = Threads::of_this_task()?;
    let mut tids = Vec::with_capacity(threads.ports().len());
    for &port in threads.ports() {
        match thread_id(port) {
            Ok(tid) => tids.push(tid),
            Err(kr) if has_exited(kr) => {}
            Err(kr) => return Err(Error::ThreadId(kr)),
        }
    }
    Ok(tids)
}

/// Name and state of each of these threads; those the kernel no longer lists, or lists
/// as having exited, are left out. A thread whose description cannot be read is still
/// returned, with the reason.
pub(crate) fn read_threads(tids: &[u64]) -> Vec<LeakedThread> {
    let threads = match Threads::of_this_task() {
        Ok(threads) => threads,
        Err(why) => {
            return tids
                .iter()
                .map(|&tid| LeakedThread::unreadable_thread(tid, &why))
                .collect();
        }
    };
    let mut found = Vec::new();
    // Why some listed thread's ID could not be read: one of those asked for may be it, so
    // one not found is then not known to have exited.
    let mut unknown_id = None;
    for &port in threads.ports() {
        let tid = match thread_id(port) {
            Ok(tid) if tids.contains(&tid) => tid,
            Ok(_) => continue,
            Err(kr) if has_exited(kr) => continue,
            Err(kr) => {
                unknown_id = Some(Error::SomeThreadId(kr));
                continue;
            }
        };
        match extended_info(port) {
            Ok(info) => found.push(LeakedThread::new(
                tid,
                &name_bytes(&info.pth_name),
                run_state(info.pth_run_state),
            )),
            Err(kr) if has_exited(kr) => {}
            Err(kr) => found.push(LeakedThread::unreadable_thread(
                tid,
                &Error::ExtendedInfo(kr),
            )),
        }
    }
    if let Some(why) = unknown_id {
        for &tid in tids {
            if !found.iter().any(|thread| thread.tid() == tid) {
                found.push(LeakedThread::unreadable_thread(tid, &why));
            }
        }
    }
    found
}

/// The calling thread's unique ID, the one `THREAD_IDENTIFIER_INFO` gives.
pub(crate) fn current_tid() -> Option<u64> {
    let mut tid = 0;
    // SAFETY: `pthread_self()` is the calling thread, alive for the call, and `tid` is valid
    // for writes.
    let rc = unsafe { libc::pthread_threadid_np(libc::pthread_self(), &mut tid) };
    (rc == 0).then_some(tid)
}

/// This task's threads as `task_threads` hands them over: a send right to each, in an
/// array this task now owns. Dropping it gives every right back (`mach_port_deallocate`),
/// then the array (`mach_vm_deallocate`).
struct Threads {
    list: thread_act_array_t,
    count: mach_msg_type_number_t,
}

impl Threads {
    fn of_this_task() -> Result<Self, Error> {
        let mut list: thread_act_array_t = ptr::null_mut();
        let mut count: mach_msg_type_number_t = 0;
        // SAFETY: both out-pointers are valid for writes. On success the kernel has put
        // `count` send rights at `list`, which `Self` owns from here on.
        let kr = unsafe { task_threads(mach_task_self(), &mut list, &mut count) };
        if kr != KERN_SUCCESS {
            return Err(Error::TaskThreads(kr));
        }
        Ok(Self { list, count })
    }

    fn ports(&self) -> &[thread_act_t] {
        if self.list.is_null() {
            return &[];
        }
        // SAFETY: the kernel put `count` ports at `list`, and they stay there until `drop`.
        unsafe { slice::from_raw_parts(self.list, self.count as usize) }
    }
}

impl Drop for Threads {
    fn drop(&mut self) {
        for &port in self.ports() {
            // SAFETY: a send right this value owns, given back once. A failure would leave
            // one reference behind, which nothing here can repair.
            unsafe { mach_port_deallocate(mach_task_self(), port) };
        }
        if !self.list.is_null() {
            let bytes = self.count as usize * mem::size_of::<thread_act_t>();
            // SAFETY: the array the kernel allocated for `task_threads`, given back once,
            // after the last read of it.
            unsafe {
                mach_vm_deallocate(
                    mach_task_self(),
                    self.list as mach_vm_address_t,
                    bytes as mach_vm_size_t,
                )
            };
        }
    }
}

/// Whether `thread_info`'s answer says that the thread has exited since `task_threads`
/// listed it: it is terminated (`KERN_TERMINATED`), its port no longer names a thread
/// (`KERN_INVALID_ARGUMENT`; the flavors and counts asked for here are valid), or the port
/// has died (`MACH_SEND_INVALID_DEST`).
fn has_exited(kr: kern_return_t) -> bool {
    matches!(
        kr,
        KERN_TERMINATED | KERN_INVALID_ARGUMENT | MACH_SEND_INVALID_DEST
    )
}

/// The thread's unique ID, or the kernel's answer when it cannot be read.
fn thread_id(port: thread_act_t) -> Result<u64, kern_return_t> {
    let info: libc::thread_identifier_info = thread_info(port)?;
    Ok(info.thread_id)
}

fn extended_info(port: thread_act_t) -> Result<libc::thread_extended_info, kern_return_t> {
    thread_info(port)
}

/// A structure that `thread_info` fills, tied to the flavor that asks for it and to its
/// length in integers (the flavor's `_COUNT`). The trait is private to this module, so no
/// other type can be passed.
///
/// # Safety
///
/// `FLAVOR` is the flavor for which the kernel writes `Self`, at most `COUNT` integers of
/// it, and `Self` is made of integers alone, so that all-zero bytes and whatever the
/// kernel writes are a valid value.
unsafe trait Flavor: Sized {
    const FLAVOR: libc::c_int;
    const COUNT: mach_msg_type_number_t;
}

// SAFETY: <mach/thread_info.h> declares `thread_identifier_info` as THREAD_IDENTIFIER_INFO's
// structure: three 64-bit integers, THREAD_IDENTIFIER_INFO_COUNT integers long.
unsafe impl Flavor for libc::thread_identifier_info {
    const FLAVOR: libc::c_int = libc::THREAD_IDENTIFIER_INFO;
    const COUNT: mach_msg_type_number_t = libc::THREAD_IDENTIFIER_INFO_COUNT;
}

// SAFETY: <mach/thread_info.h> declares `thread_extended_info` as THREAD_EXTENDED_INFO's
// structure: 64- and 32-bit integers and a `char` array, THREAD_EXTENDED_INFO_COUNT
// integers long.
unsafe impl Flavor for libc::thread_extended_info {
    const FLAVOR: libc::c_int = libc::THREAD_EXTENDED_INFO;
    const COUNT: mach_msg_type_number_t = libc::THREAD_EXTENDED_INFO_COUNT;
}

/// Whether `T::COUNT` integers are exactly `T`: the room the kernel is told of is the
/// structure's own size.
const fn count_is_size<T: Flavor>() -> bool {
    T::COUNT as usize * mem::size_of::<libc::integer_t>() == mem::size_of::<T>()
}

// Checked for each structure at `cargo check` (the check in `thread_info` is made only
// when code is generated).
const _: () = assert!(
    count_is_size::<libc::thread_identifier_info>()
        && count_is_size::<libc::thread_extended_info>()
);

/// `thread_info` of the flavor whose structure is `T`.
fn thread_info<T: Flavor>(port: thread_act_t) -> Result<T, kern_return_t> {
    const { assert!(count_is_size::<T>()) };
    let mut info = MaybeUninit::<T>::zeroed();
    let mut filled = T::COUNT;
    // SAFETY: `info` has room for `T::COUNT` integers (checked above), the size the kernel
    // is told, and `filled` is valid for writes. The kernel writes at most that much.
    let kr = unsafe {
        libc::thread_info(
            port,
            T::FLAVOR as libc::thread_flavor_t,
            info.as_mut_ptr().cast(),
            &mut filled,
        )
    };
    if kr != KERN_SUCCESS {
        return Err(kr);
    }
    // SAFETY: zeroed, then written by the kernel: a valid `T` of integers either way
    // (`Flavor`'s contract).
    Ok(unsafe { info.assume_init() })
}

/// The name's bytes, up to its NUL.
fn name_bytes(name: &[libc::c_char]) -> Vec<u8> {
    name.iter()
        .map(|&c| c as u8)
        .take_while(|&b| b != 0)
        .collect()
}

/// The Mach run state as the crate's states, `proc(5)`'s: the kernel calls a blocked
/// thread waiting (sleeping), and a terminating one halted (dead).
fn run_state(run_state: libc::c_int) -> ThreadState {
    match run_state {
        libc::TH_STATE_RUNNING => ThreadState::Running,
        libc::TH_STATE_WAITING => ThreadState::Sleeping,
        libc::TH_STATE_UNINTERRUPTIBLE => ThreadState::DiskWait,
        libc::TH_STATE_STOPPED => ThreadState::Stopped,
        libc::TH_STATE_HALTED => ThreadState::Dead,
        // None of the above: the kernel says 0.
        _ => ThreadState::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_calling_thread_is_listed_under_the_id_current_tid_gives() {
        let tid = current_tid().expect("pthread_threadid_np answers");
        assert!(list_tids().unwrap().contains(&tid));
    }

    #[test]
    fn a_thread_is_read_with_its_name_and_run_state() {
        std::thread::Builder::new()
            .name("sys-probe".to_owned())
            .spawn(|| {
                let tid = current_tid().unwrap();
                let threads = read_threads(&[tid]);
                let [thread] = &threads[..] else {
                    panic!("expected the calling thread alone: {threads:?}");
                };
                assert_eq!(thread.name(), "sys-probe");
                // It is running: it is the one asking.
                assert_eq!(thread.state(), ThreadState::Running);
            })
            .unwrap()
            .join()
            .unwrap();
    }

    #[test]
    fn a_name_is_read_up_to_its_nul() {
        let mut raw = [0 as libc::c_char; libc::MAXTHREADNAMESIZE];
        for (to, &from) in raw.iter_mut().zip(b"worker-1") {
            *to = from as libc::c_char;
        }
        assert_eq!(name_bytes(&raw), b"worker-1");
    }

    #[test]
    fn run_states_read_as_procs_states() {
        assert_eq!(run_state(libc::TH_STATE_WAITING), ThreadState::Sleeping);
        assert_eq!(run_state(libc::TH_STATE_RUNNING), ThreadState::Running);
        assert_eq!(run_state(libc::TH_STATE_HALTED), ThreadState::Dead);
        assert_eq!(run_state(0), ThreadState::Unknown);
    }
}
