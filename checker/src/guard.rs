//! A guard that checks threads when it goes out of scope: Rust's `defer goleak.VerifyNone(t)`.

use std::thread;

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
/// # Examples
///
/// ```no_run
/// #[test]
/// fn the_pool_stops_its_threads() {
///     checker::isolated(|| {
///         let _guard = checker::ThreadGuard::new(checker::Options::default());
///         let pool = std::thread::spawn(|| {});
///         pool.join().unwrap();
///     }); // the guard checks here
/// }
/// ```
#[must_use = "the guard checks when it is dropped: bind it with `let _guard = ...`"]
#[derive(Debug)]
pub struct ThreadGuard {
    before: ThreadSnapshot,
    options: Options,
}

impl ThreadGuard {
    /// Snapshots the threads alive now; the check runs with `options` on drop.
    pub fn new(options: Options) -> Self {
        Self {
            before: ThreadSnapshot::take(),
            options,
        }
    }
}

impl Drop for ThreadGuard {
    fn drop(&mut self) {
        if thread::panicking() {
            return;
        }
        if let Err(report) = self.before.verify(&self.options) {
            panic!("{report}");
        }
    }
}
