//! Linux: the threads of this process are the entries of `/proc/self/task`.
//!
//! A thread is known by its TID and its start time (field 22 of its `stat`, in clock ticks
//! since boot): the kernel hands TIDs out in increasing order and wraps at `pid_max`, so
//! after enough thread and process creations a new thread may wear the TID of one that has
//! exited, and only its start time tells them apart. Reading a start time costs a file
//! read, so a snapshot reads few (see [`Baseline`]): the entry of a live thread in
//! `/proc/self/task` keeps its inode number for the thread's life (the kernel's entry for
//! a TID whose thread has died is dropped, and a new thread gets a new inode), so a
//! listing entry whose TID and inode are the snapshot's is the snapshot's thread, and a
//! start time is read only when an inode has changed.

use std::fmt;
use std::fs;
use std::io;
use std::mem::MaybeUninit;
use std::os::fd::OwnedFd;
use std::sync::{Mutex, PoisonError};

use rustix::fs::{CWD, Mode, OFlags, RawDir, SeekFrom, openat, seek};
use rustix::process::{Pid, test_kill_process};
use rustix::time::{ClockId, clock_gettime};

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

/// What tells a thread from a later one on the same TID: its start time, in clock ticks
/// since boot (`stat` field 22).
pub(crate) type Mark = u64;

/// One entry of `/proc/self/task`: a thread's TID, and the inode its entry has for the
/// thread's life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    tid: u64,
    ino: u64,
}

/// What a snapshot keeps of the threads alive at it, to know each again and to tell a
/// thread born later on one of their TIDs.
#[derive(Debug)]
pub(crate) struct Baseline {
    /// Sorted by TID.
    threads: Vec<Held>,
    /// How many entries the listing had: the quick clean verdict reads from the last.
    listed: usize,
    /// The listing's TIDs look like creation order (see [`looks_created_in_order`]): the
    /// quick clean verdict may be trusted, and start times read from the end stop early.
    in_creation_order: bool,
    /// The clock tick the snapshot was taken in, read before its listing: a thread that
    /// started in an earlier tick is older than the snapshot.
    tick: u64,
}

/// One thread of a snapshot.
#[derive(Debug, Clone, Copy)]
struct Held {
    tid: u64,
    ino: u64,
    start: Start,
}

/// A snapshot's thread's start time, as far as it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Start {
    /// Before the snapshot's tick: not read, since no thread born later can have it.
    Older,
    /// In the snapshot's tick or after: read, since a thread born right after the
    /// snapshot could start in the same tick.
    At(u64),
    /// It exited before its start time was read: any thread on its TID is a later one.
    Exited,
}

impl Baseline {
    /// Lists the threads alive now, and reads what tells each from a later one: the start
    /// times of those at the end of the list (the newest), back to the first that started
    /// before this tick. Where the list's order does not look like creation order, every
    /// start time is read.
    pub(crate) fn take() -> Result<Self, Error> {
        let tick = now_tick();
        let entries = entries_from(0)?;
        let tids: Vec<u64> = entries.iter().map(|entry| entry.tid).collect();
        let in_creation_order = looks_created_in_order(&tids);
        let mut threads = Vec::with_capacity(entries.len());
        let mut older_from_here = false;
        for entry in entries.iter().rev() {
            let start = if older_from_here {
                Start::Older
            } else {
                match mark_of(entry.tid) {
                    Some(start) if start < tick && in_creation_order => {
                        older_from_here = true;
                        Start::Older
                    }
                    Some(start) => Start::At(start),
                    None => Start::Exited,
                }
            };
            threads.push(Held {
                tid: entry.tid,
                ino: entry.ino,
                start,
            });
        }
        threads.sort_unstable_by_key(|held| held.tid);
        Ok(Self {
            threads,
            listed: entries.len(),
            in_creation_order,
            tick,
        })
    }

    /// How many threads were alive at the snapshot.
    pub(crate) fn len(&self) -> usize {
        self.threads.len()
    }

    /// The snapshot's TIDs, sorted.
    pub(crate) fn tids(&self) -> Vec<u64> {
        self.threads.iter().map(|held| held.tid).collect()
    }

    /// True when the end of the kernel's list proves that no thread born after the
    /// snapshot is alive: a new thread joins the end of the list, so if the entries from
    /// the snapshot's last position on are all the snapshot's own threads, none is alive.
    /// False means "look properly", never "leak". Reads one entry or a few, and a start
    /// time only if an inode has changed.
    pub(crate) fn quickly_clean(&self) -> bool {
        if !self.in_creation_order || self.listed == 0 {
            return false;
        }
        match entries_from(self.listed - 1) {
            Ok(tail) => !tail.is_empty() && tail.iter().all(|entry| self.holds(*entry)),
            Err(_) => false,
        }
    }

    /// The TIDs of the threads listed now that are not the snapshot's: on a TID it did not
    /// have, or on one of its TIDs but born after it.
    pub(crate) fn newcomers(&self) -> Result<Vec<u64>, Error> {
        Ok(entries_from(0)?
            .into_iter()
            .filter(|entry| !self.holds(*entry))
            .map(|entry| entry.tid)
            .collect())
    }

    /// Whether the thread `tid`, of start time `mark` (as read with its name), is one of
    /// the snapshot's; without a start time, by its TID alone.
    pub(crate) fn knows(&self, tid: u64, mark: Option<Mark>) -> bool {
        self.held(tid)
            .is_some_and(|held| mark.is_none_or(|start| self.same_start(held, start)))
    }

    fn held(&self, tid: u64) -> Option<&Held> {
        let at = self
            .threads
            .binary_search_by_key(&tid, |held| held.tid)
            .ok()?;
        Some(&self.threads[at])
    }

    /// Whether the thread listed as `entry` is the snapshot's thread of that TID.
    fn holds(&self, entry: Entry) -> bool {
        let Some(held) = self.held(entry.tid) else {
            return false;
        };
        // The same entry is the same thread; a new entry may be the kernel's new dentry
        // for the same thread (it drops unused ones under memory pressure): its start
        // time decides. One that exited meanwhile is gone, and not the snapshot's.
        held.ino == entry.ino
            || mark_of(entry.tid).is_some_and(|start| self.same_start(held, start))
    }

    /// Whether a thread that started at `start` on `held`'s TID is `held`'s thread.
    fn same_start(&self, held: &Held, start: u64) -> bool {
        match held.start {
            Start::Older => start < self.tick,
            Start::At(at) => start == at,
            Start::Exited => false,
        }
    }
}

/// The clock tick it is now, in the clock `stat`'s start times count: boot time, in
/// `sysconf(_SC_CLK_TCK)` ticks a second.
fn now_tick() -> u64 {
    let now = clock_gettime(ClockId::Boottime);
    let ns = u128::from(now.tv_sec.unsigned_abs()) * 1_000_000_000
        + u128::from(now.tv_nsec.unsigned_abs());
    let per_second = u128::from(rustix::param::clock_ticks_per_second().max(1));
    u64::try_from(ns * per_second / 1_000_000_000).unwrap_or(u64::MAX)
}

/// Whether TIDs listed in the kernel's order look like creation order: increasing, but for
/// at most one drop where the TID counter wrapped.
fn looks_created_in_order(tids: &[u64]) -> bool {
    tids.windows(2).filter(|pair| pair[0] >= pair[1]).count() <= 1
}

/// The start time of thread `tid`, or `None` if it has exited (or its `stat` cannot be
/// read or parsed).
pub(crate) fn mark_of(tid: u64) -> Option<Mark> {
    // Opened from the task directory kept open, into a buffer on the stack: a snapshot
    // reads one or a few of these, and the path walk and allocation would cost more than
    // the read.
    let mut buffer = [0u8; STAT_BYTES];
    let mut guard = TASK_DIR.lock().unwrap_or_else(PoisonError::into_inner);
    let dir = task_dir(&mut guard).ok()?;
    let flags = OFlags::RDONLY | OFlags::CLOEXEC;
    let file = openat(&dir.fd, format!("{tid}/stat"), flags, Mode::empty()).ok()?;
    drop(guard);
    let mut read = 0;
    while read < buffer.len() {
        match rustix::io::read(&file, &mut buffer[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(rustix::io::Errno::INTR) => continue,
            Err(_) => return None,
        }
    }
    parse_stat(&buffer[..read])?.start
}

/// Room for a thread's whole `stat` line: 52 numbers and a name of at most 15 bytes.
const STAT_BYTES: usize = 1024;

/// The calling thread's start time.
pub(crate) fn current_mark() -> Option<Mark> {
    let stat = fs::read("/proc/thread-self/stat").ok()?;
    parse_stat(&stat)?.start
}

/// The entries from the `index`-th thread on, in the kernel's order. The kernel seeks to
/// a position in a task directory by walking its thread list, so the threads after
/// `index` are read without the cost of emitting the ones before it.
fn entries_from(index: usize) -> Result<Vec<Entry>, Error> {
    let mut guard = TASK_DIR.lock().unwrap_or_else(PoisonError::into_inner);
    let dir = task_dir(&mut guard)?;
    read_from(dir, FIRST_THREAD_POS + index as u64).map_err(Error::ListTaskDir)
}

/// This process's task directory, opened if it is not yet, or was opened by the parent
/// of this forked process.
fn task_dir(kept: &mut Option<TaskDir>) -> Result<&mut TaskDir, Error> {
    let pid = std::process::id();
    if kept.as_ref().is_none_or(|dir| dir.pid != pid) {
        *kept = Some(open().map_err(Error::OpenTaskDir)?);
    }
    Ok(kept.as_mut().expect("opened above"))
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
///
/// The kernel walks the thread list from each thread it has listed to the next, and ends
/// the listing early when the thread it has just listed exits before it takes that step
/// (`next_tid` in `fs/proc/base.c`): the threads after it, the newest, are left out, and a
/// snapshot would later take them for newcomers, a verdict miss them. So a listing whose
/// last thread has exited is read again; one whose last thread is still alive was not cut
/// there, since that thread was alive when the kernel looked past it. Not caught: the
/// kernel skips a thread that exits just as it comes to it, and ends the listing there
/// too, after a live thread. Beside a thread that exits as a snapshot is taken, a newer
/// thread was left out of 1 snapshot in 20,000 so, against 35 without the re-read.
fn read_from(dir: &mut TaskDir, pos: u64) -> io::Result<Vec<Entry>> {
    let mut tries = 0;
    loop {
        let entries = read_once(dir, pos)?;
        tries += 1;
        match entries.last() {
            Some(last) if !alive(*last) && tries < CUT_LISTING_TRIES => continue,
            _ => return Ok(entries),
        }
    }
}

/// How many times a listing cut short by an exit is read: each takes microseconds, and
/// the newest thread would have to exit during every one of them.
const CUT_LISTING_TRIES: usize = 16;

fn read_once(dir: &mut TaskDir, pos: u64) -> io::Result<Vec<Entry>> {
    seek(&dir.fd, SeekFrom::Start(pos))?;
    let mut entries = Vec::new();
    let mut raw = RawDir::new(&dir.fd, &mut dir.buf);
    while let Some(entry) = raw.next() {
        let entry = entry?;
        // `.` and `..` (at positions 0 and 1) do not parse.
        if let Some(tid) = entry.file_name().to_str().ok().and_then(|n| n.parse().ok()) {
            entries.push(Entry {
                tid,
                ino: entry.ino(),
            });
        }
    }
    Ok(entries)
}

/// Whether the thread listed as `entry` is still alive: a signal 0 to its TID finds it (one
/// system call, no path to walk). Its TID cannot have been handed to a new thread in the
/// microseconds since the listing: TIDs are handed out in increasing order, up to
/// `pid_max`. Only "no such task" counts as gone.
fn alive(entry: Entry) -> bool {
    let Some(pid) = i32::try_from(entry.tid).ok().and_then(Pid::from_raw) else {
        return true;
    };
    !matches!(test_kill_process(pid), Err(rustix::io::Errno::SRCH))
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
            Some(stat) => {
                LeakedThread::new(tid, stat.name, state(stat.state)).with_mark(stat.start)
            }
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

/// What a thread's `stat` line tells of it.
#[derive(Debug, PartialEq, Eq)]
struct Stat<'a> {
    name: &'a [u8],
    state: char,
    /// Its start time (field 22), if the line is long enough to hold one.
    start: Option<u64>,
}

/// `stat` reads `TID (NAME) STATE PPID ...`; the name may itself hold spaces and
/// parentheses, so it runs from the first `(` to the last `)`. The name is bytes: the
/// kernel cuts it at 15 bytes, in the middle of a character if need be.
fn parse_stat(stat: &[u8]) -> Option<Stat<'_>> {
    let open = stat.iter().position(|&b| b == b'(')?;
    let close = stat.iter().rposition(|&b| b == b')')?;
    let name = stat.get(open + 1..close)?;
    let mut fields = stat
        .get(close + 1..)?
        .split(u8::is_ascii_whitespace)
        .filter(|field| !field.is_empty());
    let state = char::from(*fields.next()?.first()?);
    // Fields 4 to 21 lie between the state (field 3) and the start time (field 22).
    let start = fields
        .nth(18)
        .and_then(|field| std::str::from_utf8(field).ok()?.parse().ok());
    Some(Stat { name, state, start })
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
    use super::{Error, Stat, ThreadState, looks_created_in_order, parse_stat, state};

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
        let read = parse_stat(stat).unwrap();
        assert_eq!((read.name, read.state), (&b"odd ) name"[..], 'S'));
    }

    #[test]
    fn the_start_time_is_field_twenty_two() {
        let stat = b"63 (my thread) S 1 63 63 0 -1 4194624 112 0 0 0 0 0 0 0 20 0 3 0 \
                     8231 9560064 620 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 17 1 0";
        assert_eq!(
            parse_stat(stat),
            Some(Stat {
                name: b"my thread",
                state: 'S',
                start: Some(8231)
            })
        );
        assert_eq!(parse_stat(b"63 (short) S 1 2").unwrap().start, None);
    }

    #[test]
    fn creation_order_is_increasing_tids_with_at_most_one_wrap() {
        assert!(looks_created_in_order(&[]));
        assert!(looks_created_in_order(&[7]));
        assert!(looks_created_in_order(&[100, 30_000, 32_000]));
        assert!(looks_created_in_order(&[100, 30_000, 32_000, 300, 301]));
        assert!(!looks_created_in_order(&[100, 32_000, 300, 30_000, 301]));
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
        let read = parse_stat(&stat).unwrap();
        assert_eq!((read.name, read.state), (name, 'S'));
    }
}
