//! A guard that checks threads when it goes out of scope: Rust's `defer goleak.VerifyNone(t)`.

use std::panic::Location;
use std::thread;

use crate::fail::fail_at;
use crate::{Options, ThreadSnapshot};

/// Takes a thread snapshot when made and verifies it when dropped, panicking with the
/// report if anything born meanwhile is still alive.
///
/// Drop order is the point: a guard bound first in a test is dropped last, after every
/// other local (a pool, a server, a runtime) has been dropped and has had the chance to
/// stop its threads. If the thread is already panicking, the guard stays silent, so the
/// first failure is the one you read.
///
/// Bind it to a named variable: `let _guard = ...` lives to the end of the scope, while
/// `let _ = ...` drops (and checks) at once.
///
/// The failure names the line the guard was made at, in your test, and prints the report
/// once.
///
/// # Examples
///
/// In a `#[test] fn` (see [`isolated`](crate::isolated) for why the check runs in a
/// process of its own):
///
/// ```
/// checker::isolated(|| {
///     let _guard = checker::ThreadGuard::new(checker::Options::default());
///     let worker = std::thread::spawn(|| {});
///     worker.join().unwrap();
/// }); // the guard checks here, when the body's locals are dropped
/// ```
#[must_use = "the guard checks when it is dropped: bind it with `let _guard = ...`"]
#[derive(Debug)]
pub struct ThreadGuard {
    before: ThreadSnapshot,
    options: Options,
    made_at: &'static Location<'static>,
}

impl ThreadGuard {
    /// Snapshots the threads alive now; the check runs with `options` on drop, and fails
    /// at the line that called `new`.
    #[track_caller]
    pub fn new(options: Options) -> Self {
        Self {
            before: ThreadSnapshot::take(),
            options,
            made_at: Location::caller(),
        }
    }
}

impl Drop for ThreadGuard {
    fn drop(&mut self) {
        if thread::panicking() {
            return;
        }
        if let Err(report) = self.before.verify(&self.options) {
            fail_at(
                self.made_at,
                report.to_string(),
                "\n(checked by the ThreadGuard made at that line, when it was dropped)",
            );
        }
    }
}
