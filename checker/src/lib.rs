//! Asserts that no OS thread and no tokio task outlives the code under test: Rust's goleak.
//!
//! Take a snapshot before the code under test, verify after it. A clean verdict comes at
//! once; anything still alive gets until a deadline to finish, and what is left then is
//! reported by name.
//!
//! Threads (Linux), in a test that runs alone in its own process so that the threads of
//! tests running beside it are never taken for leaks:
//!
//! ```no_run
//! #[test]
//! fn the_worker_is_joined() {
//!     checker::isolated(|| {
//!         let before = checker::ThreadSnapshot::take();
//!         std::thread::spawn(|| {}).join().unwrap();
//!         before.verify(&checker::Options::default())
//!     });
//! }
//! ```
//!
//! Tasks (any platform), under paused time so that the deadline costs no real time
//! (`start_paused` needs tokio's `test-util` feature in your dev-dependencies):
//!
//! ```
//! # #[tokio::main(flavor = "current_thread", start_paused = true)]
//! # async fn main() {
//! let before = checker::TaskSnapshot::take(&tokio::runtime::Handle::current());
//! tokio::spawn(checker::traced(async {})).await.unwrap();
//! before.verify(&checker::Options::default()).await.unwrap();
//! # }
//! ```
//!
//! A failed verdict is a [`LeakReport`]. Its `Display` and its `Debug` are the same
//! readable text, so `unwrap`, `expect` and a test returning `Result` all print it:
//!
//! ```text
//! found 5 unexpected threads, still alive after 1.3s:
//!
//! 5 threads "ready-verifier" (TIDs 26905-26909)
//!     state: S (sleeping)
//!     waits in: futex_do_wait (a futex: a lock, a channel or a condvar)
//!     waits at leaky/src/blocked_send/threads.rs:43, in crossbeam-channel's Sender::send
//!         in leaky::blocked_send::threads::Watcher::wait_ready::{{closure}}
//! ```
//!
//! ```text
//! found 4 unexpected tasks on a current-thread tokio runtime (4 alive, 0 at the snapshot), still alive after 1.3s
//!
//! 4 tasks spawned at leaky/src/blocked_send/tasks.rs:40:22 (tokio task IDs 2, 3, 4, 5)
//!     waits at leaky/src/blocked_send/tasks.rs:47:49
//!         in leaky::blocked_send::tasks::Watcher::wait_ready::{{closure}}::{{closure}}
//! ```
//!
//! # From goleak
//!
//! | goleak | here |
//! | --- | --- |
//! | `goleak.VerifyNone(t)` | [`ThreadSnapshot::take`] at the start, [`ThreadSnapshot::verify`] at the end |
//! | `defer goleak.VerifyNone(t)` | `let _guard = ThreadGuard::new(options)`: checks when dropped ([`ThreadGuard`]) |
//! | `goleak.Find()` | [`ThreadSnapshot::verify`], which returns the [`LeakReport`] instead of failing |
//! | `goleak.VerifyTestMain(m)` | not needed: [`isolated`] gives each test a process of its own, so parallel tests need not share one check |
//! | `goleak.IgnoreCurrent()` | the snapshot itself (what was alive at [`ThreadSnapshot::take`] is never reported), or [`Options::ignore_threads_alive_now`] for a later point |
//! | `goleak.IgnoreTopFunction(f)`, `IgnoreAnyFunction(f)` | [`Options::ignore_top_function`], [`Options::ignore_any_function`] by the stack of a thread or of a [`traced`] task; [`Options::ignore_started`] for a pool's or a runtime's own threads, by TID; [`Options::ignore_thread`] by name prefix; [`Options::ignore_thread_if`] by any rule on a [`LeakedThread`] |
//! | `goleak.MaxRetries(n)`, `MaxSleepInterval(d)` | [`Options::deadline`]: one duration, the caller's |
//! | goroutines | OS threads ([`ThreadSnapshot`]) and tokio tasks ([`TaskSnapshot`]) |
//! | the goroutine's stack in the report | a thread's name, TID, state, kernel wait channel and stack: the line of your code it waits at and the calls up to where it was started ([`ThreadStack`], x86-64 Linux); for a task spawned through [`traced`], the line it was spawned at and the `.await` it waits at |
//!
//! # With other crates
//!
//! What a pool or a runtime leaves behind, and how to write the check; each line is a
//! test in `tests/crates.rs`.
//!
//! | you use | it leaves | the check |
//! | --- | --- | --- |
//! | `std::thread::scope`, `crossbeam_utils::thread::scope` | nothing: every thread is joined before the scope returns | `verify` with any deadline, even zero |
//! | a `rayon::ThreadPool`, a `threadpool::ThreadPool` | its threads, for a moment after the pool is dropped (they exit when their queue closes) | drop the pool, then `verify`: the deadline waits for them |
//! | rayon's global pool | its threads, for good | record them with [`StartedThreads`] in `start_handler`, and [`Options::ignore_started`] |
//! | a tokio runtime, dropped | nothing: dropping it waits for its workers and blocking threads | drop it, then `verify` |
//! | a tokio runtime, alive | its workers; its blocking threads for 10 s after their last job (`thread_keep_alive`) | [`StartedThreads`] in `on_thread_start`, and [`Options::ignore_started`]: a thread its tasks start is still caught |
//! | `tokio_util::task::TaskTracker` | nothing once it is closed and `wait` has returned | `close`, `wait().await`, then the task `verify` |
//! | `tokio::task::JoinSet`, dropped | its tasks until the runtime polls them once more (aborted) | the task `verify`'s deadline allows for it |
//! | `tokio_util::task::LocalPoolHandle` | its threads until its last handle is dropped; its tasks run on `LocalSet`s, which tokio does not count | a thread check, after dropping the handle |
//! | `notify`'s watchers | a thread per watcher until the watcher is dropped | drop the watcher, then `verify` |
//!
//! Unnamed threads are the rule in these crates (rayon's, threadpool's, a task's): the
//! kernel gives each the name of the thread that started it, and a report says when a
//! name may be inherited. Excuse by TID, not by name: `ignore_thread("tokio-rt-worker")`
//! would also excuse an unnamed thread a task starts, which is a leak.
//!
//! # Limits
//!
//! - **Linux only, for threads.** Thread checks read `/proc/self/task`. Elsewhere a verdict
//!   is an `Err` whose [`LeakReport::unsupported`] says so: never a silent pass. Task
//!   checks work wherever tokio does.
//! - **Parallel tests share a process.** Under `cargo test`, a thread started by another
//!   test between your snapshot and your verdict is reported as yours. Run thread checks
//!   inside [`isolated`] (or under cargo-nextest, which runs a process per test).
//! - **A reused TID hides a leak.** A thread is known by its TID. The kernel hands TIDs
//!   out in increasing order and wraps at `pid_max` (`/proc/sys/kernel/pid_max`, often
//!   32768 or 4194304); if a thread of the snapshot exits and the counter goes all the way
//!   round before a new thread gets its TID, that new thread is taken for the old one.
//!   This takes `pid_max` thread and process creations, system-wide, inside one check.
//! - **Thread names are the kernel's.** It keeps 15 bytes, cut without regard for UTF-8:
//!   a name cut inside a character ends in U+FFFD, and the report says it was cut; a name
//!   of exactly 15 bytes may or may not have been cut ([`LeakedThread::name_may_be_truncated`]),
//!   and the report does not guess. An ignore prefix is compared on its first 15 bytes.
//!   A thread that never names itself wears its creator's name
//!   ([`LeakedThread::name_may_be_inherited`]). std names a thread from inside it, so
//!   for an instant a new thread wears its parent's name: an ignore rule lets a newcomer
//!   pass early only once it is asleep and its name reads the same twice, apart;
//!   otherwise the name it has at the deadline decides.
//! - **A thread whose description cannot be read is still reported.** Only a thread the
//!   kernel no longer lists counts as gone.
//! - **Tasks are counted, traced tasks are known by identity.** tokio's
//!   `num_alive_tasks` counts the tasks of one runtime: an untraced task that ends while
//!   another is born goes unseen until the count rises, and tasks on a `LocalSet` are not
//!   counted at all. A task spawned through [`traced`] is seen in both cases. Blocking
//!   jobs (`spawn_blocking`) run on threads, which a thread check sees. On a
//!   multi-thread runtime the count drops a moment after a task ends, which is why a
//!   verdict re-checks until its deadline.
//! - **A thread's stack is read on x86-64 Linux, for blocked threads.** After the
//!   deadline, for the threads of a report only, the checker reads where each blocked
//!   thread entered the kernel (`/proc/self/task/TID/syscall`) and copies its stack from
//!   `/proc/self/mem` (up to 64 KiB a thread); when the report is read, the copy is
//!   unwound with the binaries' unwind tables. The thread is never stopped or signalled. A thread that is running (spinning) has no stack to read, and
//!   the report says so in one line; so does a stack that cannot be followed, and any
//!   other platform. The frame pointer is not among what the kernel tells, so where the
//!   walk needs it, it is found on the stack and kept only if the whole walk then reaches
//!   the thread's start through calls. Files and lines need line tables (the `dev` and
//!   `test` profiles, or `debug = "line-tables-only"`); a release build without them still
//!   names the functions. The cost is a fraction of a millisecond a thread; the first
//!   report read in a process also reads the program's unwind tables and keeps them (its
//!   memory grows by their size, some hundreds of KiB) and loads the debug info, once
//!   (`cargo bench -p checker` prints the figures). A process too short of memory for
//!   that (under `ulimit -v`) gets its report with a line that says so instead.
//! - **Where a task waits needs debug info.** [`traced`] reads it from the stack, so a
//!   build without debug info (the release profile, doctests) names the spawn site and
//!   says it cannot tell the wait.
//! - **tokio keeps idle blocking threads for 10 s.** After `spawn_blocking`, the thread
//!   waits for more work; a thread check reports it unless the runtime sets
//!   `Builder::thread_keep_alive`, is shut down or dropped, or its threads are excused
//!   with [`StartedThreads`].
//! - **`#[tokio::test]` drops its runtime, and every task on it, when the test returns.**
//!   A leaked task never outlives such a test, so a test that does not verify before it
//!   returns never sees its leak.
//!
//! # Features
//!
//! - `task-dump`: a task report carries tokio's task dump of every untraced task born
//!   after the snapshot. It needs tokio's task dumps: build with
//!   `RUSTFLAGS="--cfg tokio_unstable"`, on Linux (x86, x86-64 or AArch64). tokio traces
//!   only its own futures (timers, I/O, its sync types): a task waiting on anything else
//!   gets a line that says so instead of an empty trace. [`traced`] needs no flag and
//!   names the line in any build with debug info.

#![warn(missing_docs)]

mod dump;
mod guard;
mod isolated;
mod options;
mod report;
mod spy_waker;
mod stacks;
mod sys;
mod tasks;
mod threads;
mod traced;

pub use guard::ThreadGuard;
pub use isolated::{Outcome, isolated};
pub use options::{DEFAULT_DEADLINE, Options, StartedThreads};
pub use report::LeakReport;
pub use stacks::ThreadStack;
pub use tasks::TaskSnapshot;
pub use threads::{LeakedThread, ThreadSnapshot, current_tid};
pub use traced::{Traced, TracedTask, traced};
