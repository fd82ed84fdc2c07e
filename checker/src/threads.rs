//! Thread verdicts: which OS threads were born after a snapshot and are still alive.
//!
//! The platform lists a process's threads by ID and keeps what tells a thread from a later
//! one on the same ID (see `sys`: on Linux `/proc/self/task` and each thread's start time;
//! the Mach task's threads on macOS; a Toolhelp snapshot on Windows). A snapshot keeps its
//! threads; a verdict lists the threads again and looks only at those the snapshot does
//! not know. Details (name, state, wait channel, stack) are read only for those.
//!
//! The quick clean verdict (Linux; elsewhere the full listing decides every verdict): the
//! kernel lists a process's threads in the order they were created, and a new thread joins
//! the end of that list. So if any thread born after the snapshot is alive, the list's
//! last thread is one of them; if the last thread is one the snapshot knows, none is. The
//! verdict reads the list from the snapshot's last position on (the kernel seeks there
//! without emitting what comes before), and answers "clean" at once when everything it
//! finds is the snapshot's. Anything else (a thread it does not know, or nothing there
//! because older threads have exited) goes to the full listing, which decides.

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
/// is read again this much later and must not have changed (see [`names_settled`]); and a
/// newcomer found running at the deadline is read again this much later, so that a report
/// shows the name it gives itself (see [`ThreadSnapshot::verify`]).
pub(crate) const NAME_SETTLE: Duration = Duration::from_millis(2);

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
/// thread born in between that is still alive is a leak, whatever ID it wears. A thread is
/// known by its ID and by what tells it from a later thread on the same ID (its start time
/// on Linux, where IDs come round again), so a thread born on the ID of one of the
/// snapshot's threads that has exited is reported too.
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
    /// The threads alive at the snapshot, or why this platform cannot list threads
    /// (shared: a snapshot is `Clone`, and an OS error is not).
    baseline: Result<Arc<sys::Baseline>, Arc<sys::Error>>,
}

/// A thread that was born after the snapshot and is still alive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeakedThread {
    tid: u64,
    /// What tells it from a later thread on the same ID (its start time, on Linux), when
    /// it was read.
    mark: Option<sys::Mark>,
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

/// How a verdict waits between its looks, and whether it is still wanted: the blocking
/// verdict sleeps on its caller's thread; the async one's looks run on a thread of their
/// own, which is woken early when the verdict is no longer awaited.
pub(crate) trait Pause {
    /// Waits `d`, or less if the verdict is given up; `false` once it is.
    fn pause(&self, d: Duration) -> bool;
}

/// The blocking verdict's wait: a plain sleep, and it is never given up.
struct Sleep;

impl Pause for Sleep {
    fn pause(&self, d: Duration) -> bool {
        thread::sleep(d);
        true
    }
}

impl ThreadSnapshot {
    /// Records the threads alive now.
    ///
    /// On Windows the snapshot keeps a handle open to each of these threads until it and
    /// its clones are dropped: Windows gives an exited thread's ID to the next thread
    /// started, but not while a handle to it is open, so no thread born after the
    /// snapshot passes for one that was in it.
    pub fn take() -> Self {
        Self {
            baseline: sys::Baseline::take().map(Arc::new).map_err(Arc::new),
        }
    }

    /// How many threads were alive at the snapshot (0 where threads cannot be listed).
    pub fn len(&self) -> usize {
        self.baseline.as_ref().map_or(0, |baseline| baseline.len())
    }

    /// Whether the snapshot holds no thread (only where threads cannot be listed).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether this snapshot could list threads: `true` on Linux (with `/proc`), macOS and
    /// Windows; `false` elsewhere.
    pub fn is_supported(&self) -> bool {
        self.baseline.is_ok()
    }

    /// Checks that no thread born after this snapshot is still alive.
    ///
    /// Returns `Ok` at once, without sleeping, when none is. Otherwise it re-checks with a
    /// short, growing backoff until `options`' deadline, and then returns the report of the
    /// threads still alive. A thread found running at the deadline (not yet blocked, or on
    /// its way out) is read once more 2 ms later, so that the report shows the name it
    /// gives itself; one that has ended by then is not reported. Where threads cannot be
    /// listed (a platform other than Linux, macOS and Windows), it returns a report that
    /// says so instead of passing.
    pub fn verify(&self, options: &Options) -> Result<(), LeakReport> {
        self.verdict(options, None, &crate::context::thread_verdict_notes, &Sleep)
    }

    /// Whether one quick look proves that no thread born after the snapshot is alive (see
    /// the module's notes): the async verdict's first step, taken on its caller's thread.
    pub(crate) fn clean_at_once(&self) -> bool {
        self.baseline
            .as_ref()
            .is_ok_and(|baseline| baseline.quickly_clean())
    }

    /// The verdict, leaving out the thread `aside` (the one the async verdict looks from),
    /// with the notes `notes` gives a report, waiting between looks with `pause`.
    pub(crate) fn verdict(
        &self,
        options: &Options,
        aside: Option<u64>,
        notes: &dyn Fn() -> Vec<String>,
        pause: &dyn Pause,
    ) -> Result<(), LeakReport> {
        let baseline = match &self.baseline {
            Ok(baseline) => baseline,
            Err(why) => return Err(LeakReport::not_supported(why.to_string())),
        };
        if baseline.quickly_clean() {
            return Ok(());
        }
        let started = Instant::now();
        let deadline = started + options.deadline_value();
        let mut wait = FIRST_RETRY;
        loop {
            let newcomers = match baseline.newcomers() {
                Ok(mut tids) => {
                    tids.retain(|&tid| Some(tid) != aside);
                    tids
                }
                Err(why) => return Err(LeakReport::not_supported(why.to_string())),
            };
            if newcomers.is_empty() {
                return Ok(());
            }
            // Without rules any newcomer is a leak, and reading its details can wait for
            // the report; with rules, all may be excused once their names have settled.
            if options.has_thread_rules() {
                let first = describe(&newcomers);
                if unexcused(&first, options).is_empty() && names_settled(&first, options, pause) {
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
                    pause.pause(NAME_SETTLE);
                    leaked = unexcused(&describe(&newcomers), options);
                }
                if leaked.is_empty() {
                    // Every newcomer was excused or gone by the final reading.
                    return Ok(());
                }
                let leaked = with_wait_channels(mark_inherited(leaked, baseline));
                let leaked = stacks::attach(leaked);
                return Err(LeakReport::of_threads(leaked, now - started).with_notes(notes()));
            }
            if !pause.pause(wait.min(deadline - now)) {
                // Given up: nobody reads this verdict.
                return Ok(());
            }
            wait = (wait * 2).min(MAX_RETRY);
        }
    }
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
fn names_settled(first: &[LeakedThread], options: &Options, pause: &dyn Pause) -> bool {
    // Where names are not inherited, any name read is the thread's own; and a thread
    // excused by who it is is excused whatever its name.
    if !sys::NAMES_INHERITED
        || first
            .iter()
            .all(|thread| options.excuses_by_identity(thread))
    {
        return true;
    }
    if !pause.pause(NAME_SETTLE) {
        return true;
    }
    let tids: Vec<u64> = first.iter().map(|thread| thread.tid).collect();
    describe(&tids).iter().all(|thread| {
        options.excuses_by_identity(thread)
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
fn inherited_names(baseline: &sys::Baseline) -> Vec<String> {
    let mut names: Vec<String> = sys::read_threads(&baseline.tids())
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
fn mark_inherited(mut threads: Vec<LeakedThread>, baseline: &sys::Baseline) -> Vec<LeakedThread> {
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
            mark: None,
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

    /// The thread, with what tells it from a later thread on the same ID.
    #[cfg_attr(not(target_os = "linux"), allow(dead_code))]
    pub(crate) fn with_mark(mut self, mark: Option<sys::Mark>) -> Self {
        self.mark = mark;
        self
    }

    /// What tells this thread from a later one on the same ID, when it was read.
    pub(crate) fn mark(&self) -> Option<sys::Mark> {
        self.mark
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
