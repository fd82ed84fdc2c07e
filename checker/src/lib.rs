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
//!         before.verify(&checker::Options::default()).unwrap();
//!     });
//! }
//! ```
//!
//! Tasks (any platform), under paused time so that the deadline costs no real time:
//!
//! ```
//! # #[tokio::main(flavor = "current_thread", start_paused = true)]
//! # async fn main() {
//! let before = checker::TaskSnapshot::take(&tokio::runtime::Handle::current());
//! tokio::spawn(async {}).await.unwrap();
//! before.verify(&checker::Options::default()).await.unwrap();
//! # }
//! ```
//!
//! A failed verdict is a [`LeakReport`]; it prints like this:
//!
//! ```text
//! found 1 unexpected thread, still alive after 500ms:
//!
//! Thread "ready-verifier" (TID 9245)
//!     state: S (sleeping)
//!     waits in: futex_do_wait (a futex: a lock, a channel or a condvar)
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
//! | `goleak.IgnoreTopFunction(f)`, `IgnoreAnyFunction(f)` | [`Options::ignore_thread`] by name prefix, [`Options::ignore_thread_if`] by any rule on a [`LeakedThread`] |
//! | `goleak.MaxRetries(n)`, `MaxSleepInterval(d)` | [`Options::deadline`]: one duration, the caller's |
//! | goroutines | OS threads ([`ThreadSnapshot`]) and tokio tasks ([`TaskSnapshot`]) |
//! | the goroutine's stack in the report | the thread's name, TID, state and wait channel; a task's async backtrace with the `task-dump` feature |
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
//! - **Thread names are the kernel's.** It keeps 15 bytes; a longer name is cut (the
//!   report says so), and an ignore prefix is compared on its first 15 bytes. std names a
//!   thread from inside it, so for an instant a new thread wears its parent's name. An
//!   ignore rule lets a newcomer pass early only once it is asleep (it has run far enough
//!   to block) and its name reads the same twice, apart; otherwise the name it has at the
//!   deadline decides. A newborn that the scheduler never ran for the whole deadline
//!   would still wear its parent's name then, and a rule matching the parent excuses it.
//! - **Tasks are counted, not listed.** tokio's `num_alive_tasks` counts the tasks of one
//!   runtime: a task verdict compares counts, so a task that ends while another is born
//!   goes unseen until the count rises. It does not count `spawn_blocking` jobs: they
//!   run on threads, which a thread check sees. On a multi-thread runtime the count drops
//!   a moment after a task ends, which is why a verdict re-checks until its deadline.
//! - **tokio keeps idle blocking threads for 10 s.** After `spawn_blocking`, the thread
//!   waits for more work; a thread check reports it unless the runtime sets
//!   `Builder::thread_keep_alive` or is shut down with `shutdown_timeout`.
//! - **`#[tokio::test]` drops its runtime, and every task on it, when the test returns.**
//!   A leaked task never outlives such a test, so a test that does not verify before it
//!   returns never sees its leak.
//!
//! # Features
//!
//! - `task-dump`: a task report carries the async backtrace of every task born after the
//!   snapshot. It needs tokio's task dumps: build with `RUSTFLAGS="--cfg tokio_unstable"`,
//!   on Linux (x86, x86-64 or AArch64).

#![warn(missing_docs)]

mod dump;
mod guard;
mod isolated;
mod options;
mod report;
mod spy_waker;
mod sys;
mod tasks;
mod threads;
mod traced;

pub use guard::ThreadGuard;
pub use isolated::{Outcome, isolated};
pub use options::{DEFAULT_DEADLINE, Options, StartedThreads};
pub use report::LeakReport;
pub use tasks::TaskSnapshot;
pub use threads::{LeakedThread, ThreadSnapshot, current_tid};
pub use traced::{Traced, TracedTask, traced};
