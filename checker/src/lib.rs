//! Asserts that no OS thread and no tokio task outlives the code under test: Rust's goleak.
//!
//! Take a snapshot before the code under test, verify after it. A clean verdict comes at
//! once; anything still alive gets until a deadline to finish, and what is left then is
//! reported by name.
//!
//! # Quick start
//!
//! In `Cargo.toml` (tokio's `test-util` is for paused time, `macros` for `#[tokio::test]`):
//!
//! ```toml
//! [dev-dependencies]
//! checker = { path = "../checker" } # the path to this crate
//! tokio = { version = "1", features = ["macros", "rt", "test-util"] }
//! ```
//!
//! A suite that checks threads only builds no tokio with
//! `checker = { path = "../checker", default-features = false }` (see [Features](#features)).
//!
//! Then a test file, say `tests/leaks.rs`: a thread check (Linux, macOS, Windows) that runs
//! alone in its own process, so that the threads of tests running beside it are never
//! taken for leaks, and a task check (any platform) under paused time. This file is the crate's own
//! `tests/quick_start.rs`, which its test run compiles and runs:
//!
#![doc = concat!("```rust\n", include_str!("../tests/quick_start.rs"), "```")]
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
//! found 4 unexpected tasks on a current-thread tokio runtime, still alive after 1.3s
//! (tokio counts 4 alive now, 0 when the snapshot was taken)
//!
//! 4 tasks spawned at leaky/src/blocked_send/tasks.rs:40:22 (tokio task IDs 2, 3, 4, 5)
//!     waits at leaky/src/blocked_send/tasks.rs:47:49
//!         in leaky::blocked_send::tasks::Watcher::wait_ready::{{closure}}::{{closure}}
//! ```
//!
//! # From goleak
//!
//! goleak's names as its latest release, v1.3.0, has them:
//!
//! | goleak | here |
//! | --- | --- |
//! | `goleak.VerifyNone(t)` | [`ThreadSnapshot::take`] at the start, [`ThreadSnapshot::verify`] at the end |
//! | `defer goleak.VerifyNone(t)` | `let _guard = ThreadGuard::new(options)`: checks when dropped ([`ThreadGuard`]) |
//! | `goleak.Find()` | [`ThreadSnapshot::verify`], which returns the [`LeakReport`] instead of failing |
//! | `goleak.VerifyTestMain(m)`, and its `goleak.Cleanup(f)` | not needed: [`isolated`] gives each test a process of its own, so parallel tests need not share one check |
//! | `goleak.IgnoreCurrent()` | the snapshot itself (what was alive at [`ThreadSnapshot::take`] is never reported), or [`Options::ignore_threads_alive_now`] for a later point |
//! | `goleak.IgnoreTopFunction(f)`, `IgnoreAnyFunction(f)` | [`Options::ignore_top_function`], [`Options::ignore_any_function`] by the stack of a thread or of a [`traced`] task; [`Options::ignore_started`] for a pool's or a runtime's own threads, by TID; [`Options::ignore_thread`] by name prefix; [`Options::ignore_thread_if`] by any rule on a [`LeakedThread`] |
//! | goleak's retries (fixed inside it: up to 20 looks, backing off to 100 ms, with no option to set them in v1.3.0) | [`Options::deadline`]: one duration, the caller's |
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
//! | `std::thread::scope`, `crossbeam_utils::thread::scope` | its threads, for a moment: the scope returns once each closure has returned, and the OS thread may still be on its way out | `verify` with a deadline (the default's 500 ms is ample), which waits for them |
//! | a `rayon::ThreadPool`, a `threadpool::ThreadPool` | its threads, for a moment after the pool is dropped (they exit when their queue closes) | drop the pool, then `verify`: the deadline waits for them |
//! | rayon's global pool | its threads, for good | record them with [`StartedThreads`] in `start_handler`, and [`Options::ignore_started`] |
//! | a tokio runtime, dropped | nothing: dropping it waits for its workers and blocking threads | drop it, then `verify` |
//! | a tokio runtime, alive | its workers; its blocking threads for 10 s after their last job (`thread_keep_alive`) | [`StartedThreads`] in `on_thread_start` (or the runtime built by [`TestRuntime`]), and [`Options::ignore_started`]: a thread its tasks start is still caught |
//! | `tokio_util::task::TaskTracker` | nothing once it is closed and `wait` has returned | `close`, `wait().await`, then the task `verify` |
//! | `tokio::task::JoinSet`, dropped | its tasks until the runtime polls them once more (aborted) | the task `verify`'s deadline allows for it |
//! | `tokio_util::task::LocalPoolHandle` | its threads until its last handle is dropped; its tasks run on `LocalSet`s, which tokio does not count | a thread check, after dropping the handle |
//! | `notify`'s watchers (shown with its Linux backend, inotify) | a thread per watcher until the watcher is dropped | drop the watcher, then `verify` |
//!
//! Unnamed threads are the rule in these crates (rayon's, threadpool's, a task's): Linux
//! gives each the name of the thread that started it, and a report says when a
//! name may be inherited. Excuse by TID, not by name: `ignore_thread("tokio-rt-worker")`
//! would also excuse an unnamed thread a task starts, which is a leak.
//!
//! # Limits
//!
//! - **Threads on Linux, macOS and Windows.** Thread checks read `/proc/self/task` on
//!   Linux, the Mach task's thread list on macOS, and a Toolhelp snapshot on Windows. Each
//!   platform tells what it keeps: a thread's state comes from Linux and macOS (Windows
//!   gives none, and a report says `-`), a wait channel from Linux alone (a report says it
//!   is not available elsewhere), and the quick clean verdict reads only the end of
//!   Linux's list (elsewhere a verdict lists every thread). On any other platform a
//!   verdict is an `Err` whose [`LeakReport::unsupported`] says so: never a silent pass.
//!   Task checks work wherever tokio does. This crate's tests run on Linux, and on
//!   Windows under Wine; on macOS they are type-checked, not run.
//! - **Parallel tests share a process.** Under `cargo test`, a thread started by another
//!   test between your snapshot and your verdict is reported as yours. Run thread checks
//!   inside [`isolated`] (or under cargo-nextest, which runs a process per test). A report
//!   taken on a test thread where other tests may run at once says so, and what to do
//!   ([`LeakReport::notes`]).
//! - **A thread is known for who it is, not only by its ID.** A snapshot knows each of its
//!   threads by its ID and by what tells it from a later thread on the same ID, so that a
//!   thread born on the ID of one of the snapshot's threads that has exited is reported
//!   too. On Linux, where the kernel hands TIDs out in increasing order and wraps at
//!   `pid_max`, that is the thread's start time (`/proc/self/task/TID/stat`, in clock
//!   ticks of 10 ms): a thread is taken for an older one only if it wears the TID the
//!   older one wore and started in the same clock tick, which takes the TID counter
//!   coming round within that tick. macOS never reuses a thread's ID (a 64-bit count).
//!   Windows gives an exited thread's ID to the next thread at once, but not while a
//!   handle to the thread is open: a snapshot (and [`Options::ignore_threads_alive_now`])
//!   holds one to each of its threads until it is dropped, and a [`StartedThreads`] record
//!   one to each thread it records until that thread is seen to have exited. A thread
//!   that exits while held keeps its small kernel object until its handle is let go.
//! - **Thread names are the kernel's.** Linux keeps 15 bytes (macOS 63, Windows all of
//!   them), cut without regard for UTF-8: a name cut inside a character ends in U+FFFD,
//!   and the report says it was cut; a name that fills the limit may or may not have been
//!   cut ([`LeakedThread::name_may_be_truncated`]), and the report says "maybe cut". An
//!   ignore prefix is compared on as many bytes as the platform keeps. On Linux a thread
//!   that never names itself wears its creator's name
//!   ([`LeakedThread::name_may_be_inherited`]), and since std names a thread from inside
//!   it, for an instant a new thread wears its parent's name: an ignore rule lets a
//!   newcomer pass early only once it is asleep and its name reads the same twice, apart;
//!   otherwise the name it has at the deadline decides. On macOS and Windows a new thread
//!   has no name until it names itself, so a name read is its own.
//! - **A thread whose description cannot be read is still reported.** Only a thread the
//!   kernel no longer lists counts as gone.
//! - **Tasks are counted, traced tasks are known by identity.** tokio's
//!   `num_alive_tasks` counts the tasks of one runtime: an untraced task that ends while
//!   another is born goes unseen until the count rises, and tasks on a `LocalSet` are not
//!   counted at all. A task spawned through [`traced`] is seen in both cases. tokio gives
//!   no way to ask whether code runs inside a `LocalSet`, and a verdict tries nothing to
//!   find out (it changes nothing in the process: no task spawned, no panic hook
//!   touched), so a verdict taken inside one is told, with [`Options::inside_local_set`]:
//!   then, finding nothing, it answers that it cannot see the local tasks, unless
//!   [`Options::local_tasks_traced`] says they are all traced. Untold, it counts the
//!   runtime's tasks and the traced ones, and an untraced local task goes unseen. Blocking
//!   jobs (`spawn_blocking`) run on threads, which a thread check sees. On a
//!   multi-thread runtime the count drops a moment after a task ends, which is why a
//!   verdict re-checks until its deadline.
//! - **A thread's stack is read on x86-64 Linux, for blocked threads.** After the
//!   deadline, for the threads of a report only, the checker reads where each blocked
//!   thread entered the kernel (`/proc/self/task/TID/syscall`), copies its stack from
//!   `/proc/self/mem` (up to 64 KiB, into one buffer reused for every thread) and unwinds
//!   it at once with the binaries' unwind tables; the report keeps return addresses only,
//!   one stack for each distinct wait, so a thousand threads in one wait cost one stack
//!   and a pointer each. The thread is never stopped or signalled. A thread that is running
//!   (spinning) has no stack to read, and the report says so in one line; a stack that
//!   cannot be followed to the thread's start (a file whose unwind tables cannot be read)
//!   says "could not unwind" and why, never that no frame is yours; so does any other
//!   platform. The frame pointer is not among what the kernel tells, so where the walk
//!   needs it, it is found on the stack and kept only if the whole walk then reaches the
//!   thread's start through calls. Files and lines need line tables (the `dev` and `test`
//!   profiles, or `debug = "line-tables-only"`); a release build without them still names
//!   the functions. The functions are named when the report is first read, which loads
//!   the debug info once per process; the first failed verdict in a process also reads
//!   the program's unwind tables and keeps them (its memory grows by their size, some
//!   hundreds of KiB), and `cargo bench -p checker` prints what each costs. A process too
//!   short of memory for that (under `ulimit -v`) gets its report with a line that says
//!   so instead.
//! - **Your code is what lies under the workspace's root.** A frame of a thread's stack
//!   or of a traced task's wait is yours when its file lies under the root of the
//!   workspace being tested: the folder of its `Cargo.lock`, found from the package cargo
//!   runs (`CARGO_MANIFEST_DIR`), else from where the program is (a build in the
//!   workspace's `target/`, run from any folder), else from the current folder. Its
//!   `target/` and a `vendor/` folder are not yours, nor is anything laid out as cargo
//!   keeps what it downloads (`registry/src/...`, `git/checkouts/...`), wherever
//!   `CARGO_HOME` is; a path dependency outside the root is a dependency. Paths are
//!   shown from the root. A frame without a file (no line tables) is yours when its crate
//!   is one of the root's own packages (those its `Cargo.lock` lists without a source).
//! - **Where a task waits needs debug info.** [`traced`] reads it from the stack, so a
//!   build without debug info (the release profile, doctests) names the spawn site and
//!   says it cannot tell the wait.
//! - **tokio keeps idle blocking threads for 10 s.** After `spawn_blocking`, the thread
//!   waits for more work; a thread check reports it unless the runtime sets
//!   `Builder::thread_keep_alive`, is shut down or dropped, or its threads are excused
//!   with [`StartedThreads`]; the report says what the thread is. `#[tokio::test]` builds
//!   its runtime out of reach: a test that checks threads builds the same runtime with
//!   [`TestRuntime`], which records them.
//! - **A blocking thread check holds its thread.** Called inside a runtime's `block_on`
//!   (a `#[tokio::test]` body) or in a task, [`ThreadSnapshot::verify`] keeps the runtime
//!   from running its tasks on that thread while it waits: a thread one of them would
//!   release is reported, and the report says why. Await
//!   [`ThreadSnapshot::verify_async`] there instead (it looks from a thread of its own,
//!   which it leaves out of its verdict and joins before it returns), or take the verdict
//!   after `block_on` returns.
//! - **`#[tokio::test]` drops its runtime, and every task on it, when the test returns.**
//!   A leaked task never outlives such a test, so a test that does not verify before it
//!   returns never sees its leak.
//!
//! # Features
//!
//! - `tokio` (on by default): task checks ([`TaskSnapshot`], [`traced`], [`TestRuntime`]).
//!   Without it (`default-features = false`) the crate checks threads only and builds no
//!   tokio; [`ThreadSnapshot::verify_async`] needs no runtime and stays.
//! - `task-dump`: a task report carries tokio's task dump of every untraced task born
//!   after the snapshot. It needs tokio's task dumps: build with
//!   `RUSTFLAGS="--cfg tokio_unstable"`, on Linux (x86, x86-64 or AArch64). tokio traces
//!   only its own futures (timers, I/O, its sync types): a task waiting on anything else
//!   gets a line that says so instead of an empty trace. [`traced`] needs no flag and
//!   names the line in any build with debug info.

#![warn(missing_docs)]
#![warn(clippy::undocumented_unsafe_blocks)]

mod context;
#[cfg(feature = "tokio")]
mod dump;
mod fail;
mod guard;
mod isolated;
mod options;
mod report;
#[cfg(feature = "tokio")]
mod runtime;
mod source;
#[cfg(feature = "tokio")]
mod spy_waker;
mod stacks;
mod sys;
#[cfg(feature = "tokio")]
mod tasks;
mod thread_state;
mod threads;
mod threads_async;
#[cfg(feature = "tokio")]
mod traced;

pub use guard::ThreadGuard;
pub use isolated::{Outcome, in_isolated_child, isolated, isolated_within};
pub use options::{DEFAULT_DEADLINE, Options, StartedThreads};
pub use report::LeakReport;
#[cfg(feature = "tokio")]
pub use runtime::TestRuntime;
pub use stacks::ThreadStack;
#[cfg(feature = "tokio")]
pub use tasks::TaskSnapshot;
pub use thread_state::ThreadState;
pub use threads::{LeakedThread, ThreadSnapshot, current_tid};
#[cfg(feature = "tokio")]
pub use traced::{Traced, TracedTask, traced};
