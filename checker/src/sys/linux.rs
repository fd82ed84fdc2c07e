//! Linux: the threads of this process are the entries of `/proc/self/task`.

use std::fmt;
use std::fs;
use std::io;
use std::mem::MaybeUninit;
use std::os::fd::OwnedFd;
use std::sync::{Mutex, PoisonError};

use rustix::fs::{CWD, Mode, OFlags, RawDir, SeekFrom, openat, seek};

use crate::{LeakedThread, ThreadState};

/// `/proc/self/task`, opened once and rewound for each listing: opening it costs more
/// than listing a small process. The directory is resolved at open time to this
/// process's own, so a child forked without exec would list its parent: the PID says
/// whose it is, and a change of PID opens it again.
struct TaskDir {
    pid: u32,
    fd: OwnedFd,
    buf: Vec<MaybeUninit<u8>>,
}

/// One listing at a time; a listing takes microseconds.
static TASK_DIR: Mutex<Option<TaskDir>> = Mutex::new(None);

/// Room for about a thousand entries per `getdents` call; more just take more calls.
const BUF_BYTES: usize = 32 * 1024;

/// Where the first thread sits in the directory: positions 0 and 1 are `.` and `..`.
const FIRST_THREAD_POS: u64 = 2;

/// The kernel keeps this many bytes of a thread's name (`TASK_COMM_LEN` less the NUL).
pub(crate) const NAME_LIMIT: Option<usize> = Some(15);

/// The kernel gives a new thread the name of the thread that starts it.
pub(crate) const NAMES_INHERITED: bool = true;

/// The kernel tells where a thread sleeps (`wchan`).
pub(crate) const NO_WAIT_CHANNEL: Option<&str> = None;

/// Why `/proc` could not list this process's threads, or describe one of them.
#[derive(Debug)]
pub(crate) enum Error {
    /// `/proc/self/task` would not open: most likely `/proc` is not mounted.
    OpenTaskDir(io::Error),
    /// `/proc/self/task` opened, and its listing failed.
    ListTaskDir(io::Error),
    /// A listed thread's `stat` could not be read, for another reason than its exit.
    ReadStat(io::Error),
    /// A listed thread's `stat` line does not parse.
    StatUnparsable,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::OpenTaskDir(e) => {
                write!(f, "cannot list /proc/self/task ({e}); is /proc mounted?")
            }
            Error::ListTaskDir(e) => write!(f, "cannot list /proc/self/task ({e})"),
            Error::ReadStat(e) => write!(f, "{e}"),
            Error::StatUnparsable => f.write_str("its stat line does not parse"),
        }
    }
}

/// The OS error is part of the message, so it is not given again as a `source`: a
/// printer of error chains would say it twice.
impl std::error::Error for Error {}

/// The TIDs of this process's threads, in the kernel's order: the order in which the
/// threads were created.
pub(crate) fn list_tids() -> Result<Vec<u64>, Error> {
    tids_from(0)
}

/// The quick clean verdict's read: the TIDs from the `index`-th thread on, or `None` if
/// they cannot be read (the full listing then decides).
pub(crate) fn tail_from(index: usize) -> Option<Vec<u64>> {
    tids_from(index).ok()
}

/// The TIDs from the `index`-th thread on, in the kernel's order. The kernel seeks to
/// a position in a task directory by walking its thread list, so the threads after
/// `index` are read without the cost of emitting the ones before it.
fn tids_from(index: usize) -> Result<Vec<u64>, Error> {
    let mut guard = TASK_DIR.lock().unwrap_or_else(PoisonError::into_inner);
    let pid = std::process::id();
    if guard.as_ref().is_none_or(|dir| dir.pid != pid) {
        *guard = Some(open().map_err(Error::OpenTaskDir)?);
    }
    let dir = guard.as_mut().expect("opened above");
    read_from(dir, FIRST_THREAD_POS + index as u64).map_err(Error::ListTaskDir)
}

fn open() -> io::Result<TaskDir> {
    let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
    Ok(TaskDir {
        pid: std::process::id(),
        fd: openat(CWD, "/proc/self/task", flags, Mode::empty())?,
        buf: vec![MaybeUninit::uninit(); BUF_BYTES],
    })
}

/// Reads every entry from directory position `pos` to the end. Reading to the end
/// matters: only then does the next seek start from a clean slate (the kernel caches
/// where an unfinished listing stopped).
fn read_from(dir: &mut TaskDir, pos: u64) -> io::Result<Vec<u64>> {
    seek(&dir.fd, SeekFrom::Start(pos))?;
    let mut tids = Vec::new();
    let mut entries = RawDir::new(&dir.fd, &mut dir.buf);
    while let Some(entry) = entries.next() {
        let entry = entry?;
        // `.` and `..` (at positions 0 and 1) do not parse.
        if let Some(tid) = entry.file_name().to_str().ok().and_then(|n| n.parse().ok()) {
            tids.push(tid);
        }
    }
    Ok(tids)
}

/// Name and state of each of these threads; those that have exited meanwhile are left out.
pub(crate) fn read_threads(tids: &[u64]) -> Vec<LeakedThread> {
    tids.iter().filter_map(|&tid| read_thread(tid)).collect()
}

/// Name and state of one thread, or `None` if it has exited meanwhile.
///
/// Only a thread the kernel no longer lists counts as gone: any other failure to read
/// it (a name that is not UTF-8, a refused read, a line that does not parse) still
/// yields the thread, so that it is reported or excused by a rule and never mistaken
/// for one that has exited.
fn read_thread(tid: u64) -> Option<LeakedThread> {
    match fs::read(format!("/proc/self/task/{tid}/stat")) {
        Ok(stat) => Some(match parse_stat(&stat) {
            Some((name, letter)) => LeakedThread::new(tid, name, state(letter)),
            None => LeakedThread::unreadable_thread(tid, &Error::StatUnparsable),
        }),
        Err(e) if has_exited(&e) => None,
        Err(e) => Some(LeakedThread::unreadable_thread(tid, &Error::ReadStat(e))),
    }
}

/// A read of `/proc/self/task/TID/...` fails this way once the thread is gone: the
/// directory is no longer there, or the thread is being torn down.
fn has_exited(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::NotFound
        || e.raw_os_error() == Some(rustix::io::Errno::SRCH.raw_os_error())
}

/// The kernel function a thread sleeps in, if the kernel tells (it says "0" when the
/// thread runs or when the answer is hidden from this user).
pub(crate) fn read_wchan(tid: u64) -> Option<String> {
    let wchan = fs::read_to_string(format!("/proc/self/task/{tid}/wchan")).ok()?;
    let wchan = wchan.trim();
    (!wchan.is_empty() && wchan != "0").then(|| wchan.to_owned())
}

/// The calling thread's TID.
pub(crate) fn current_tid() -> Option<u64> {
    u64::try_from(rustix::thread::gettid().as_raw_nonzero().get()).ok()
}

/// `stat` reads `TID (NAME) STATE ...`; the name may itself hold spaces and parentheses,
/// so it runs from the first `(` to the last `)`. The name is bytes: the kernel cuts it
/// at 15 bytes, in the middle of a character if need be.
fn parse_stat(stat: &[u8]) -> Option<(&[u8], char)> {
    let open = stat.iter().position(|&b| b == b'(')?;
    let close = stat.iter().rposition(|&b| b == b')')?;
    let name = stat.get(open + 1..close)?;
    let state = stat
        .get(close + 1..)?
        .iter()
        .find(|b| !b.is_ascii_whitespace())?;
    Some((name, char::from(*state)))
}

/// The state a `stat` line's letter stands for (`proc(5)`).
fn state(letter: char) -> ThreadState {
    match letter {
        'R' => ThreadState::Running,
        'S' => ThreadState::Sleeping,
        'D' => ThreadState::DiskWait,
        'T' => ThreadState::Stopped,
        't' => ThreadState::TracingStop,
        'Z' => ThreadState::Zombie,
        'X' => ThreadState::Dead,
        'I' => ThreadState::Idle,
        'P' => ThreadState::Parked,
        'W' => ThreadState::Waking,
        'K' => ThreadState::Wakekill,
        other => ThreadState::Other(other),
    }
}

#[cfg(test)]
mod tests {
    use super::{Error, ThreadState, parse_stat, state};

    #[test]
    fn a_failure_reads_as_what_failed_and_what_to_look_at() {
        let missing = || std::io::Error::from(std::io::ErrorKind::NotFound);
        assert_eq!(
            Error::OpenTaskDir(missing()).to_string(),
            format!(
                "cannot list /proc/self/task ({}); is /proc mounted?",
                missing()
            )
        );
        assert_eq!(
            Error::StatUnparsable.to_string(),
            "its stat line does not parse"
        );
    }

    #[test]
    fn every_letter_of_proc_reads_as_its_state_and_back() {
        for letter in "RSDTtZXIPWK".chars() {
            let read = state(letter);
            assert!(!matches!(read, ThreadState::Other(_)), "{letter}");
            assert_eq!(read.letter(), letter);
        }
        assert_eq!(state('S'), ThreadState::Sleeping);
        assert_eq!(state('x'), ThreadState::Other('x'));
        assert_eq!(state('x').to_string(), "x (unknown state)");
    }

    #[test]
    fn a_name_with_spaces_and_parentheses_is_read_whole() {
        let stat = b"4242 (odd ) name) S 1 2 3";
        assert_eq!(parse_stat(stat), Some((&b"odd ) name"[..], 'S')));
    }

    #[test]
    fn a_truncated_stat_line_reads_as_gone() {
        assert_eq!(parse_stat(b"4242 (name"), None);
        assert_eq!(parse_stat(b"4242 (name)"), None);
    }

    #[test]
    fn a_name_cut_inside_a_character_is_still_read() {
        // "проверка" cut at 15 bytes: seven letters and half of the eighth.
        let name = &"проверка".as_bytes()[..15];
        let stat = [&b"77 ("[..], name, b") S 1"].concat();
        assert_eq!(parse_stat(&stat), Some((name, 'S')));
    }
}
