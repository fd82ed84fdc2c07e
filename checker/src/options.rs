//! What a verdict tolerates: how long to wait for stragglers, and which threads never count.

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use crate::{LeakedThread, sys};

/// How long [`ThreadSnapshot::verify`](crate::ThreadSnapshot::verify) and
/// [`TaskSnapshot::verify`](crate::TaskSnapshot::verify) wait for threads and tasks that are
/// still on their way out, unless [`Options::deadline`] says otherwise.
pub const DEFAULT_DEADLINE: Duration = Duration::from_millis(500);

/// A rule that excuses a thread born after the snapshot.
type ThreadFilter = Arc<dyn Fn(&LeakedThread) -> bool + Send + Sync>;

/// Settings for a verdict; the defaults suit most test suites.
///
/// Every builder method takes `self` and returns the changed options, so a chain reads as a
/// sentence. Built options that are never passed to a `verify` are a mistake, hence
/// `#[must_use]`.
///
/// # Examples
///
/// ```
/// use std::time::Duration;
///
/// let options = checker::Options::default()
///     .deadline(Duration::from_secs(2))
///     .ignore_thread("my-pool-");
/// assert_eq!(options.deadline_value(), Duration::from_secs(2));
/// ```
#[derive(Clone)]
#[must_use = "options change nothing until they are passed to `verify`"]
pub struct Options {
    deadline: Duration,
    ignored_prefixes: Vec<String>,
    filters: Vec<ThreadFilter>,
    /// Sorted TIDs of threads excused whatever their name.
    ignored_tids: Arc<Vec<u64>>,
    /// Threads alive when [`Options::ignore_threads_alive_now`] was said, known as a
    /// snapshot knows its threads.
    alive_then: Vec<Arc<sys::Baseline>>,
    /// Threads recorded as they start, excused whatever their name; read at each check,
    /// because a pool may start a thread at any time.
    started: Vec<StartedThreads>,
    /// The caller spawns every task on a `LocalSet` through `traced`, so a task verdict
    /// inside one may pass on what it sees.
    local_tasks_traced: bool,
    /// The task verdict is taken inside a `LocalSet`, whose tasks tokio does not count.
    inside_local_set: bool,
    /// Functions that excuse a thread waiting in them, or passing through them.
    stack_rules: Vec<StackRule>,
}

/// An excuse read from a thread's stack (see [`Options::ignore_top_function`]).
#[derive(Debug, Clone)]
enum StackRule {
    WaitsIn(String),
    PassesThrough(String),
}

/// The threads a pool or a runtime starts for itself, recorded as each one starts, so that
/// [`Options::ignore_started`] excuses exactly them and nothing they start.
///
/// A name cannot tell a runtime's worker from an unnamed thread that one of its tasks
/// started: the kernel gives the second the first one's name. A thread's ID can, and on
/// Linux its start time with it: a thread born later on the ID of a recorded thread that
/// has exited is not excused. On Windows, which gives an exited thread's ID to the next
/// thread at once, the record holds a handle to each recorded thread until it is seen to
/// have exited, which keeps its ID from being reused until then.
///
/// ```
/// let runtime_threads = checker::StartedThreads::new();
/// let runtime = tokio::runtime::Builder::new_multi_thread()
///     .worker_threads(2)
///     .on_thread_start(runtime_threads.recorder())
///     .build()
///     .unwrap();
/// # let before = checker::ThreadSnapshot::take();
/// runtime.block_on(async { /* the code under test */ });
/// let options = checker::Options::default().ignore_started(&runtime_threads);
/// # #[cfg(target_os = "linux")]
/// # before.verify(&options).unwrap();
/// # drop(runtime);
/// ```
#[derive(Debug, Clone, Default)]
pub struct StartedThreads {
    threads: Arc<Mutex<Vec<Recorded>>>,
}

/// A recorded thread: its ID, what tells it from a later thread on the same ID, and what
/// keeps its ID its own while it runs (on Windows, which gives an exited thread's ID to
/// the next thread at once, a handle to it).
#[derive(Debug)]
struct Recorded {
    tid: u64,
    mark: Option<sys::Mark>,
    held: sys::HeldThread,
}

impl StartedThreads {
    /// An empty record.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records the calling thread.
    pub fn record_current(&self) {
        if let Some(tid) = crate::current_tid() {
            let mut recorded = self.lock();
            // Handles of recorded threads that have exited are let go here, so that a
            // record held for long holds no more handles than it has threads running.
            for earlier in recorded.iter_mut() {
                earlier.held.may_run();
            }
            recorded.push(Recorded {
                tid,
                mark: sys::current_mark(),
                held: sys::HeldThread::current(),
            });
        }
    }

    /// A hook that records the thread it runs on: for tokio's `on_thread_start`, or any
    /// pool's start handler.
    pub fn recorder(&self) -> impl Fn() + Send + Sync + 'static {
        let record = self.clone();
        move || record.record_current()
    }

    /// The TIDs recorded so far, in the order the threads started.
    pub fn tids(&self) -> Vec<u64> {
        self.lock().iter().map(|recorded| recorded.tid).collect()
    }

    /// Whether `thread` is one recorded: its ID, and its mark where both were read, of a
    /// recorded thread not known to have exited.
    fn contains(&self, thread: &LeakedThread) -> bool {
        self.lock().iter_mut().any(|recorded| {
            recorded.tid == thread.tid()
                && (recorded.mark.is_none()
                    || thread.mark().is_none()
                    || recorded.mark == thread.mark())
                && recorded.held.may_run()
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Recorded>> {
        self.threads.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Default for Options {
    fn default() -> Self {
        Self {
            deadline: DEFAULT_DEADLINE,
            ignored_prefixes: Vec::new(),
            filters: Vec::new(),
            ignored_tids: Arc::new(Vec::new()),
            alive_then: Vec::new(),
            started: Vec::new(),
            local_tasks_traced: false,
            inside_local_set: false,
            stack_rules: Vec::new(),
        }
    }
}

impl fmt::Debug for Options {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Options")
            .field("deadline", &self.deadline)
            .field("ignored_prefixes", &self.ignored_prefixes)
            .field("filters", &self.filters.len())
            .field("ignored_tids", &self.ignored_tids.len())
            .field(
                "alive_then",
                &self.alive_then.iter().map(|b| b.len()).sum::<usize>(),
            )
            .field("started", &self.started)
            .field("local_tasks_traced", &self.local_tasks_traced)
            .field("inside_local_set", &self.inside_local_set)
            .field("stack_rules", &self.stack_rules)
            .finish()
    }
}

impl Options {
    /// How long `verify` keeps re-checking before it reports what is still alive.
    ///
    /// A clean process gets its verdict at once whatever the deadline; only a leak waits
    /// for all of it. `Duration::ZERO` checks once: a thread verdict then reads a
    /// newcomer it found running once more, 2 ms later, so that the report shows the name
    /// the thread gives itself (see [`ThreadSnapshot::verify`](crate::ThreadSnapshot::verify)),
    /// and does not report one that ended meanwhile. That re-reading is for the report's
    /// names, not a wait for threads on their way out: give those a deadline.
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = deadline;
        self
    }

    /// Never report a thread whose name starts with `prefix`.
    ///
    /// Linux keeps only the first 15 bytes of a thread's name (macOS 63), so a longer
    /// prefix is compared on its first 15 bytes there: `"tokio-runtime-worker"` (older
    /// tokio's name) matches the kernel's `"tokio-runtime-w"`.
    ///
    /// A name is a weak excuse for threads that start others: a thread that never names
    /// itself wears the name of the thread that started it. `ignore_thread("tokio-rt-worker")`
    /// excuses tokio's workers, and also any unnamed thread a task starts from a worker,
    /// which is exactly the kind of leak to catch. To excuse a runtime's own threads and
    /// nothing else, excuse them by TID as they start: see [`StartedThreads`].
    ///
    /// # Panics
    ///
    /// If `prefix` is empty: it would excuse every thread and hide every leak.
    pub fn ignore_thread(mut self, prefix: &str) -> Self {
        assert!(
            !prefix.is_empty(),
            "checker::Options::ignore_thread(\"\"): an empty prefix matches every thread and \
             would hide every leak; name the threads to ignore, e.g. ignore_thread(\"my-pool\")"
        );
        self.ignored_prefixes
            .push(truncate_to_kernel_limit(prefix).to_owned());
        self
    }

    /// Never report the threads with these TIDs, whatever their names.
    ///
    /// For threads known by TID before the verdict; for a pool or a runtime that starts
    /// threads when it pleases, record them as they start with [`StartedThreads`] and
    /// [`ignore_started`](Self::ignore_started). A TID is a number only: any thread that
    /// wears it is excused, also one born later on it after the first has exited, which
    /// `StartedThreads` and [`ignore_threads_alive_now`](Self::ignore_threads_alive_now)
    /// tell apart.
    pub fn ignore_tids(mut self, tids: impl IntoIterator<Item = u64>) -> Self {
        let mut all: Vec<u64> = self.ignored_tids.as_ref().clone();
        all.extend(tids);
        all.sort_unstable();
        all.dedup();
        self.ignored_tids = Arc::new(all);
        self
    }

    /// Never report a thread for which `excuse` returns `true`.
    ///
    /// For rules a prefix cannot say: a thread in a given state, a name that contains a
    /// word, a TID you were told about.
    ///
    /// ```
    /// let options = checker::Options::default()
    ///     .ignore_thread_if(|thread| thread.name().contains("-pool-"));
    /// # let _ = options;
    /// ```
    pub fn ignore_thread_if(
        mut self,
        excuse: impl Fn(&LeakedThread) -> bool + Send + Sync + 'static,
    ) -> Self {
        self.filters.push(Arc::new(excuse));
        self
    }

    /// Never report a thread that `started` recorded, whenever it started: before these
    /// options were built, or during the verdict. See [`StartedThreads`].
    pub fn ignore_started(mut self, started: &StartedThreads) -> Self {
        self.started.push(started.clone());
        self
    }

    /// Never report a thread that waits in `function`: goleak's `IgnoreTopFunction`.
    ///
    /// A thread waits in `function` when `function` is on its stack and only library
    /// frames lie inside it (std, libc, the channel, lock and runtime crates: every wait
    /// ends in those): your function that called `recv`, or a pool's loop that waits for
    /// work. `function` is a path without generic arguments, as
    /// [`ThreadStack::functions`](crate::ThreadStack::functions) names it; it matches that
    /// function and the closures inside it. For an idle thread of tokio's blocking pool:
    /// `"tokio::runtime::blocking::pool::Inner::run"` (a blocking thread running your job
    /// has your frames inside that loop, and is not excused).
    ///
    /// The stack is read at each check for the threads no other rule excuses, so a check
    /// with this option costs a stack walk per newcomer (about a millisecond); a thread
    /// whose stack cannot be read (running, or off x86-64 Linux) is not excused by it.
    /// A task spawned through [`traced`](crate::traced) is excused by the stack of its
    /// latest wait, on any platform: `"my_crate::server::accept_loop"` names an async
    /// function's body as well.
    ///
    /// # Panics
    ///
    /// If `function` is empty: it would excuse every thread and hide every leak.
    ///
    /// ```
    /// let options = checker::Options::default()
    ///     .ignore_top_function("tokio::runtime::blocking::pool::Inner::run");
    /// # let _ = options;
    /// ```
    pub fn ignore_top_function(mut self, function: &str) -> Self {
        self.stack_rules.push(StackRule::WaitsIn(nonempty(
            "ignore_top_function",
            function,
        )));
        self
    }

    /// Never report a thread whose stack passes through `function`: goleak's
    /// `IgnoreAnyFunction`. For a loop of your own that is meant to outlive the test
    /// (`"my_crate::metrics::report_forever"`), whatever it waits in. It also excuses
    /// whatever that function calls, so name a pool's loop only if a job that never
    /// ends is no leak to you. Named and read as in
    /// [`ignore_top_function`](Self::ignore_top_function).
    ///
    /// # Panics
    ///
    /// If `function` is empty: it would excuse every thread and hide every leak.
    pub fn ignore_any_function(mut self, function: &str) -> Self {
        self.stack_rules.push(StackRule::PassesThrough(nonempty(
            "ignore_any_function",
            function,
        )));
        self
    }

    /// Never report a thread that is alive now: goleak's `IgnoreCurrent`.
    ///
    /// A snapshot already excuses what was alive when it was taken; this excuses what is
    /// alive at a later point too, such as a pool a test starts on purpose after a
    /// [`ThreadGuard`](crate::ThreadGuard) took its snapshot. The threads are known as a
    /// snapshot knows its own: a thread born later on the ID of one of them is not excused.
    ///
    /// ```
    /// let options = checker::Options::default().ignore_threads_alive_now();
    /// # let _ = options;
    /// ```
    pub fn ignore_threads_alive_now(mut self) -> Self {
        if let Ok(alive) = sys::Baseline::take() {
            self.alive_then.push(Arc::new(alive));
        }
        self
    }

    /// Says that this task verdict is taken inside a tokio `LocalSet` (or a
    /// `LocalRuntime`), whose local tasks tokio does not count.
    ///
    /// tokio gives no way to ask whether code runs inside one, so the verdict is told. Told
    /// so, a verdict that finds nothing answers that it cannot see the local tasks (an
    /// `Err` whose [`LeakReport::unsupported`](crate::LeakReport::unsupported) says so),
    /// unless [`local_tasks_traced`](Self::local_tasks_traced) says they are all traced;
    /// a report of leaked tasks says that untraced local ones may have leaked too.
    /// Untold, a verdict counts the runtime's tasks and the traced ones, and an untraced
    /// local task goes unseen.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread", start_paused = true)]
    /// # async fn main() {
    /// let local = tokio::task::LocalSet::new();
    /// local
    ///     .run_until(async {
    ///         let before = checker::TaskSnapshot::take(&tokio::runtime::Handle::current());
    ///         tokio::task::spawn_local(checker::traced(async {})).await.unwrap();
    ///         let options = checker::Options::default()
    ///             .inside_local_set()
    ///             .local_tasks_traced();
    ///         before.verify(&options).await.unwrap();
    ///     })
    ///     .await;
    /// # }
    /// ```
    #[cfg(feature = "tokio")]
    pub fn inside_local_set(mut self) -> Self {
        self.inside_local_set = true;
        self
    }

    /// Says that every task spawned on a tokio `LocalSet` (or a local runtime) is spawned
    /// through [`traced`](crate::traced), which a verdict sees wherever it runs: so that a
    /// task verdict taken inside one ([`inside_local_set`](Self::inside_local_set)) may
    /// pass on what it sees.
    #[cfg(feature = "tokio")]
    pub fn local_tasks_traced(mut self) -> Self {
        self.local_tasks_traced = true;
        self
    }

    /// Whether [`inside_local_set`](Self::inside_local_set) was said.
    #[cfg(feature = "tokio")]
    pub(crate) fn is_inside_local_set(&self) -> bool {
        self.inside_local_set
    }

    /// Whether [`local_tasks_traced`](Self::local_tasks_traced) was said.
    #[cfg(feature = "tokio")]
    pub(crate) fn local_tasks_are_traced(&self) -> bool {
        self.local_tasks_traced
    }

    /// The deadline these options carry.
    pub fn deadline_value(&self) -> Duration {
        self.deadline
    }

    /// Whether a thread born after the snapshot is excused by these options.
    pub(crate) fn excuses(&self, thread: &LeakedThread) -> bool {
        self.excuses_by_identity(thread)
            || self
                .ignored_prefixes
                .iter()
                .any(|prefix| thread.name().starts_with(prefix.as_str()))
            || self.filters.iter().any(|excuse| excuse(thread))
            || self.excuses_by_stack(thread.tid())
    }

    /// Whether a stack rule excuses the thread, reading its stack if there is a rule.
    fn excuses_by_stack(&self, tid: u64) -> bool {
        !self.stack_rules.is_empty() && self.excuses_stack(&crate::stacks::stack_of(tid))
    }

    /// Whether a stack rule excuses a thread or a traced task with this stack.
    pub(crate) fn excuses_stack(&self, stack: &crate::ThreadStack) -> bool {
        self.stack_rules.iter().any(|rule| match rule {
            StackRule::WaitsIn(function) => stack.waits_in(function),
            StackRule::PassesThrough(function) => stack.passes_through(function),
        })
    }

    /// Whether any rule reads stacks, so a traced task's must be named at all.
    #[cfg(feature = "tokio")]
    pub(crate) fn has_stack_rules(&self) -> bool {
        !self.stack_rules.is_empty()
    }

    /// Whether a thread is excused by who it is (its TID, and its mark where one was
    /// recorded), whatever its name.
    pub(crate) fn excuses_by_identity(&self, thread: &LeakedThread) -> bool {
        self.ignored_tids.binary_search(&thread.tid()).is_ok()
            || self.started.iter().any(|started| started.contains(thread))
            || self
                .alive_then
                .iter()
                .any(|alive| alive.knows(thread.tid(), thread.mark()))
    }

    /// Whether any rule could excuse a thread, so names must be read at all.
    pub(crate) fn has_thread_rules(&self) -> bool {
        !self.ignored_prefixes.is_empty()
            || !self.filters.is_empty()
            || !self.ignored_tids.is_empty()
            || !self.alive_then.is_empty()
            || !self.started.is_empty()
            || !self.stack_rules.is_empty()
    }
}

/// `function`, owned; a panic that says how to name one if it is empty.
fn nonempty(option: &str, function: &str) -> String {
    assert!(
        !function.trim().is_empty(),
        "checker::Options::{option}(\"\"): an empty name matches every thread and would \
         hide every leak; name a function by its path, e.g. \
         {option}(\"tokio::runtime::blocking::pool::Inner::run\")"
    );
    function.trim().to_owned()
}

/// The longest prefix of `name` that fits what a thread name keeps here (std cuts a name to
/// it before handing it to the OS), cut on a character boundary.
fn truncate_to_kernel_limit(name: &str) -> &str {
    let mut end =
        crate::threads::KERNEL_NAME_LIMIT.map_or(name.len(), |limit| limit.min(name.len()));
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    &name[..end]
}
