//! Thread verdicts: which OS threads were born after a snapshot and are still alive.
//!
//! The platform lists a process's threads by ID (see `sys`: `/proc/self/task` on Linux,
//! the Mach task's threads on macOS, a Toolhelp snapshot on Windows). A snapshot keeps
//! the sorted IDs; a verdict lists the threads again and looks only at IDs the snapshot
//! lacks. Details (name, state, wait channel) are read only for the newcomers.
//!
//! The quick clean verdict (Linux; elsewhere the full listing decides every verdict). The
//! kernel lists a process's threads in the order they were created, and a new thread joins
//! the end of that list. So if any thread born after the snapshot is alive, the list's last
//! thread is one of them; if the last thread is one the snapshot knows, none is. The verdict reads the list from the snapshot's last position
//! on (the kernel seeks there without emitting what comes before), and answers "clean" at
//! once when everything it finds is known. Anything else (a thread it does not know, or
//! nothing there because older threads have exited) goes to the full listing, which
//! decides. The order is the kernel's habit, not its promise, so the snapshot checks it:
//! the kernel hands out TIDs in increasing order, wrapping around once it reaches
//! `pid_max`, so a list in creation order is sorted but for at most one drop (the wrap).
//! A snapshot whose listing drops twice never takes the quick path.

use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use crate::report::LeakReport;
use crate::stacks::{self, ThreadStack};
use crate::{Options, ThreadState, sys};

/// The platform keeps this many bytes of a thread's name: 15 on Linux, 63 on macOS; `None`
/// on Windows, which keeps a name whole.
pub(crate) const KERNEL_NAME_LIMIT: Option<usize> = sys::NAME_LIMIT;

/// The first re-check comes this soon after a failed one; each wait doubles up to
/// [`MAX_RETRY`]. Small first steps keep the common case (a thread already on its way
/// out) fast; the cap keeps a leaking verdict from spinning.
const FIRST_RETRY: Duration = Duration::from_micros(50);
const MAX_RETRY: Duration = Duration::from_millis(10);

/// std names a thread from inside the new thread, so for its first instants a thread
/// carries its parent's name. Before an ignore rule lets a newcomer pass early, its name
/// is read again this much later and must not have changed (see [`names_settled`]).
const NAME_SETTLE: Duration = Duration::from_millis(2);

/// The calling thread's ID as the OS knows it, as a report names threads: its TID on Linux
/// (`gettid`), its unique 64-bit ID on macOS (`pthread_threadid_np`), its thread ID on
/// Windows (`GetCurrentThreadId`); `None` where thread checks are not supported.
///
/// [`StartedThreads`](crate::StartedThreads) records it from a pool's or a runtime's start
/// hook, to excuse exactly that pool's threads.
pub fn current_tid() -> Option<u64> {
    sys::current_tid()
}

/// The OS threads of this process alive at one moment.
///
/// Take one before the code under test, then [`verify`](Self::verify) after it: every
/// thread born in between that is still alive is a leak.
///
/// # Examples
///
/// ```
/// use checker::{Options, ThreadSnapshot};
///
/// let before = ThreadSnapshot::take();
/// std::thread::spawn(|| {}).join().unwrap();
/// # #[cfg(any(target_os = "linux", target_os = "macos", windows))]
/// before.verify(&Options::default()).expect("the thread was joined");
/// ```
#[derive(Debug, Clone)]
pub struct ThreadSnapshot {
    /// Sorted TIDs, or why this platform cannot list threads (shared: a snapshot is
    /// `Clone`, and an OS error is not).
    tids: Result<Vec<u64>, Arc<sys::Error>>,
    /// Keeps the IDs of the snapshot's threads from going to threads born after it, for as
    /// long as the snapshot and its clones live: on Windows, which reuses an exited
    /// thread's ID at once, a handle open to each; elsewhere nothing (see `sys`). `None`
    /// where no thread could be listed.
    _held: Option<Arc<sys::Held>>,
    /// Linux listed the threads in increasing TID order (but for a wrap), which is
    /// what creation order looks like: the quick clean verdict may be trusted.
    listed_in_creation_order: bool,
}

/// A thread that was born after the snapshot and is still alive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeakedThread {
    tid: u64,
    name: String,
    /// The name's bytes filled the platform's limit: it may be the start of a longer one.
    name_fills_limit: bool,
    /// The name's bytes end inside a character: the name was certainly cut.
    name_cut: bool,
    /// Another thread wore this name before this one was born (see [`inherited_names`]).
    name_may_be_inherited: bool,
    state: ThreadState,
    wchan: Option<String>,
    /// Why the kernel's description could not be read, for a thread that is listed.
    unreadable: Option<String>,
    /// Where it waits: read for the threads of a report only (see `stacks`).
    stack: Option<ThreadStack>,
}

impl ThreadSnapshot {
    /// Records the threads alive now.
    ///
    /// On Windows the snapshot keeps a handle open to each of these threads until it and
    /// its clones are dropped: Windows gives an exited thread's ID to the next thread
    /// started, but not while a handle to it is open, so no thread born after the
    /// snapshot passes for one that was in it.
    pub fn take() -> Self {
        let (listed, held) = match sys::list_and_hold() {
            Ok((tids, held)) => (Ok(tids), Some(Arc::new(held))),
            Err(why) => (Err(why), None),
        };
        let listed_in_creation_order = listed
            .as_ref()
            .is_ok_and(|tids| looks_created_in_order(tids));
        let tids = listed
            .map(|mut tids| {
                tids.sort_unstable();
                tids
            })
            .map_err(Arc::new);
        Self {
            tids,
            listed_in_creation_order,
            _held: held,
        }
    }

    /// How many threads were alive at the snapshot (0 where threads cannot be listed).
    pub fn len(&self) -> usize {
        self.tids.as_ref().map_or(0, Vec::len)
    }

    /// Whether the snapshot holds no thread (only where threads cannot be listed).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether this snapshot could list threads: `true` on Linux (with `/proc`), macOS and
    /// Windows; `false` elsewhere.
    pub fn is_supported(&self) -> bool {
        self.tids.is_ok()
    }

    /// Checks that no thread born after this snapshot is still alive.
    ///
    /// Returns `Ok` at once, without sleeping, when none is. Otherwise it re-checks with a
    /// short, growing backoff until `options`' deadline, and then returns the report of the
    /// threads still alive. Where threads cannot be listed (a platform other than Linux,
    /// macOS and Windows), it returns a report that says so instead of passing.
    pub fn verify(&self, options: &Options) -> Result<(), LeakReport> {
        let baseline = match &self.tids {
            Ok(tids) => tids,
            Err(why) => return Err(LeakReport::not_supported(why.to_string())),
        };
        if self.quickly_clean(baseline) {
            return Ok(());
        }
        let started = Instant::now();
        let deadline = started + options.deadline_value();
        let mut wait = FIRST_RETRY;
        loop {
            let newcomers = match sys::list_tids() {
                Ok(tids) => born_after(baseline, tids),
                Err(why) => return Err(LeakReport::not_supported(why.to_string())),
            };
            if newcomers.is_empty() {
                return Ok(());
            }
            // Without rules any newcomer is a leak, and reading its details can wait for
            // the report; with rules, all may be excused once their names have settled.
            if options.has_thread_rules() {
                let first = describe(&newcomers);
                if unexcused(&first, options).is_empty()
                    && names_settled(&newcomers, &first, options)
                {
                    return Ok(());
                }
            }
            let now = Instant::now();
            if now >= deadline {
                let mut leaked = unexcused(&describe(&newcomers), options);
                if leaked
                    .iter()
                    .any(|thread| thread.state != ThreadState::Sleeping)
                {
                    // A newcomer that has not blocked yet may not have named itself
                    // yet either: give it a moment, so the report shows its own name.
                    thread::sleep(NAME_SETTLE);
                    leaked = unexcused(&describe(&newcomers), options);
                }
                if leaked.is_empty() {
                    // Every newcomer was excused or gone by the final reading.
                    return Ok(());
                }
                let leaked = with_wait_channels(mark_inherited(leaked, baseline));
                let leaked = stacks::attach(leaked);
                return Err(LeakReport::of_threads(leaked, now - started)
                    .with_notes(crate::context::thread_verdict_notes()));
            }
            thread::sleep(wait.min(deadline - now));
            wait = (wait * 2).min(MAX_RETRY);
        }
    }
}

impl ThreadSnapshot {
    /// True when the end of the kernel's thread list holds only threads the snapshot knows,
    /// which proves that no thread born since is alive (see the module's notes). False
    /// means "look properly", never "leak".
    fn quickly_clean(&self, baseline: &[u64]) -> bool {
        if !self.listed_in_creation_order || baseline.is_empty() {
            return false;
        }
        match sys::tail_from(baseline.len() - 1) {
            Some(tail) => {
                !tail.is_empty() && tail.iter().all(|tid| baseline.binary_search(tid).is_ok())
            }
            None => false,
        }
    }
}

/// Whether TIDs listed in the kernel's order look like creation order: increasing, but for
/// at most one drop where the TID counter wrapped.
fn looks_created_in_order(tids: &[u64]) -> bool {
    tids.windows(2).filter(|pair| pair[0] >= pair[1]).count() <= 1
}

/// TIDs in `now` that are not in the sorted `baseline`.
fn born_after(baseline: &[u64], mut now: Vec<u64>) -> Vec<u64> {
    now.retain(|tid| baseline.binary_search(tid).is_err());
    now
}

/// The newcomers as the OS describes them now; one that has exited since the listing is
/// left out.
fn describe(newcomers: &[u64]) -> Vec<LeakedThread> {
    sys::read_threads(newcomers)
}

/// The described newcomers that are alive and not excused. A thread that has exited but
/// is still listed for an instant (a zombie, or dead) is not alive.
fn unexcused(threads: &[LeakedThread], options: &Options) -> Vec<LeakedThread> {
    threads
        .iter()
        .filter(|thread| !thread.state.has_exited())
        .filter(|thread| !options.excuses(thread))
        .cloned()
        .collect()
}

/// True when every excused newcomer has settled: it is asleep (so it has run far enough
/// to block, past the start-up in which std names it) and reads the same name again,
/// [`NAME_SETTLE`] after the `first` reading. Until then a newcomer may still wear its
/// parent's name, and an ignore rule that matches the parent must not excuse it; the
/// final reading at the deadline decides for newcomers that never settle. Where a new
/// thread has no name until it names itself (macOS, Windows), any name read is its own.
fn names_settled(newcomers: &[u64], first: &[LeakedThread], options: &Options) -> bool {
    // Where names are not inherited, any name read is the thread's own; and a thread
    // excused by its TID is excused whatever its name.
    if !sys::NAMES_INHERITED || newcomers.iter().all(|&tid| options.excuses_tid(tid)) {
        return true;
    }
    thread::sleep(NAME_SETTLE);
    describe(newcomers).iter().all(|thread| {
        options.excuses_tid(thread.tid)
            || thread.state == ThreadState::Sleeping
                && options.excuses(thread)
                && first
                    .iter()
                    .any(|earlier| earlier.tid == thread.tid && earlier.name == thread.name)
    })
}

/// Names a newcomer may wear without having chosen them. The kernel copies a new thread's
/// name from the thread that starts it, and only a thread that names itself gets its own.
/// So a leaked thread whose name some older thread wore may be an unnamed thread that
/// inherited it: from the test that started it, from `main`, or from a runtime's worker.
fn inherited_names(baseline: &[u64]) -> Vec<String> {
    let mut names: Vec<String> = sys::read_threads(baseline)
        .into_iter()
        .map(|thread| thread.name)
        .collect();
    // A runtime started after the snapshot names its workers after the snapshot too; what
    // they start without a name of its own wears their names.
    names.extend(RUNTIME_WORKER_NAMES.iter().map(|&name| name.to_owned()));
    names.sort_unstable();
    names.dedup();
    names
}

/// The names tokio gives its threads by default, as the kernel keeps them: current
/// tokio's `tokio-rt-worker`, and older versions' `tokio-runtime-worker` cut to 15 bytes.
pub(crate) const RUNTIME_WORKER_NAMES: &[&str] = &["tokio-rt-worker", "tokio-runtime-w"];

/// Marks the names that may be inherited, where the platform passes names on (Linux).
fn mark_inherited(mut threads: Vec<LeakedThread>, baseline: &[u64]) -> Vec<LeakedThread> {
    if !sys::NAMES_INHERITED {
        return threads;
    }
    let names = inherited_names(baseline);
    for thread in &mut threads {
        thread.name_may_be_inherited = names.binary_search(&thread.name).is_ok();
    }
    threads
}

fn with_wait_channels(mut threads: Vec<LeakedThread>) -> Vec<LeakedThread> {
    for thread in &mut threads {
        thread.wchan = sys::read_wchan(thread.tid);
        // A thread read as asleep may be awake for the instant its wait channel is read
        // (a ticker between two sleeps), and then has none. A few more readings find it
        // asleep again, so that threads that wait alike read alike in the report.
        let mut retries = 0;
        while cfg!(target_os = "linux")
            && thread.wchan.is_none()
            && thread.state == ThreadState::Sleeping
            && retries < WCHAN_RETRIES
        {
            thread::yield_now();
            thread.wchan = sys::read_wchan(thread.tid);
            retries += 1;
        }
    }
    threads
}

/// How many more times the wait channel of a thread read as asleep is read, when the
/// first reading finds it awake.
const WCHAN_RETRIES: usize = 3;

impl LeakedThread {
    /// A thread as the platform describes it: its name as the platform keeps it (bytes, at
    /// most [`KERNEL_NAME_LIMIT`]) and its state.
    pub(crate) fn new(tid: u64, name: &[u8], state: ThreadState) -> Self {
        let name_cut = matches!(std::str::from_utf8(name), Err(e) if e.error_len().is_none());
        Self {
            tid,
            name: String::from_utf8_lossy(name).into_owned(),
            name_fills_limit: KERNEL_NAME_LIMIT.is_some_and(|limit| name.len() >= limit),
            name_cut,
            name_may_be_inherited: false,
            state,
            wchan: None,
            unreadable: None,
            stack: None,
        }
    }

    /// A thread the kernel lists but whose description could not be read: still a
    /// thread, to be reported, never taken for one that has exited.
    pub(crate) fn unreadable_thread(tid: u64, why: &sys::Error) -> Self {
        Self {
            unreadable: Some(why.to_string()),
            ..Self::new(tid, b"", ThreadState::Unknown)
        }
    }

    /// The thread's ID as the OS knows it, the one [`current_tid`] gives: on Linux its TID
    /// (what `gettid` returns, what `top -H` shows), on macOS its unique 64-bit ID, on
    /// Windows its thread ID.
    pub fn tid(&self) -> u64 {
        self.tid
    }

    /// The thread's name as the platform keeps it: at most 15 bytes on Linux, 63 on macOS
    /// (its pthread name), whole on Windows (its description). A name cut inside a
    /// character ends in U+FFFD, the replacement character.
    ///
    /// On Linux a thread that never names itself wears the name of the thread that started
    /// it (see [`name_may_be_inherited`](Self::name_may_be_inherited)); on macOS and Windows
    /// it has no name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether the name fills the platform's bytes (15 on Linux, 63 on macOS), so that it
    /// may be the start of a longer name. Many whole names are 15 bytes long too, so this
    /// is a "may", and a report says it in a word ("maybe cut"), except for tokio's own
    /// `tokio-rt-worker`.
    pub fn name_may_be_truncated(&self) -> bool {
        self.name_fills_limit
    }

    /// Whether the name was certainly cut: its bytes end inside a character, which no whole
    /// UTF-8 name does.
    pub fn name_is_truncated(&self) -> bool {
        self.name_cut
    }

    /// Whether the name may not be the thread's own. The kernel gives a new thread the
    /// name of the thread that started it, and only a thread that names itself changes
    /// it. This is `true` when a thread alive at the snapshot wears the same name (the
    /// test that started it, say, or `main`), or when the name is a tokio worker's
    /// default: a thread started from a worker without a name of its own wears it too.
    /// Set on the threads of a report; always `false` on macOS and Windows, where a new
    /// thread has no name until it names itself.
    pub fn name_may_be_inherited(&self) -> bool {
        self.name_may_be_inherited
    }

    /// Why the kernel's description of this thread could not be read, when it could not;
    /// the thread is listed, so it is alive, and it is reported all the same.
    pub fn unreadable_reason(&self) -> Option<&str> {
        self.unreadable.as_deref()
    }

    /// What the thread was doing when it was read: on Linux the kernel's state
    /// ([`Sleeping`](ThreadState::Sleeping) for a thread blocked on a lock or a channel),
    /// on macOS its Mach run state in the same terms (waiting reads as sleeping, halted as
    /// dead); on Windows [`NotAvailable`](ThreadState::NotAvailable).
    pub fn state(&self) -> ThreadState {
        self.state
    }

    /// The kernel function the thread sleeps in (`/proc/self/task/TID/wchan`), when the
    /// kernel tells; read only for the threads of a final report. Linux only: `None`
    /// elsewhere.
    pub fn wait_channel(&self) -> Option<&str> {
        self.wchan.as_deref()
    }

    /// Where the thread waits in your code, and the calls that led there: read after the
    /// deadline for the threads of a report (`None` before, and for a thread excused or
    /// gone). See [`ThreadStack`] for what it holds and its limits.
    pub fn stack(&self) -> Option<&ThreadStack> {
        self.stack.as_ref()
    }

    pub(crate) fn set_stack(&mut self, stack: ThreadStack) {
        self.stack = Some(stack);
    }

    /// What the wait channel means for a Rust program, for the kernel functions that
    /// threads of this kind are found in.
    pub fn wait_meaning(&self) -> Option<&'static str> {
        let wchan = self.wchan.as_deref()?;
        Some(if wchan.starts_with("futex") {
            "a futex: a lock, a channel or a condvar"
        } else if wchan.contains("nanosleep") {
            "a sleep"
        } else if wchan.contains("poll") || wchan.contains("select") || wchan.contains("epoll") {
            "waiting for I/O readiness"
        } else if wchan.contains("pipe") || wchan.contains("read") || wchan.contains("recv") {
            "a read"
        } else {
            return None;
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creation_order_is_increasing_tids_with_at_most_one_wrap() {
        assert!(looks_created_in_order(&[]));
        assert!(looks_created_in_order(&[7]));
        assert!(looks_created_in_order(&[100, 30_000, 32_000]));
        assert!(looks_created_in_order(&[100, 30_000, 32_000, 300, 301]));
        assert!(!looks_created_in_order(&[100, 32_000, 300, 30_000, 301]));
    }

    #[test]
    fn newcomers_are_the_tids_the_baseline_lacks() {
        assert_eq!(born_after(&[1, 5, 9], vec![9, 12, 1, 3]), [12, 3]);
        assert!(born_after(&[1, 5, 9], vec![5, 1]).is_empty());
    }
}
