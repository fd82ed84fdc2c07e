//! What a failed check says of what is not one call's answer (a panic, a call that does
//! not come back, a watcher's drop, what lingers after the calls), written once for every
//! flavour; the judgments of each call's answer are [`judge`](super::judge)'s.

use std::fmt::Display;
use std::time::Duration;

use super::human;
use super::judge::{self, Made};
use super::panics::Panicked;
use super::schedule::Schedule;
use super::{HANG_LIMIT, Seed};

/// What the threads or tasks of a flavour are, in a failure's words.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Kind {
    /// `threads`, or `tasks`.
    pub(crate) plural: &'static str,
    /// Where a flavour's clock is read, as `judge::Clock` says it: `""`, or
    /// `" (on tokio's paused clock)"`.
    pub(crate) clock: &'static str,
}

/// The words after a failure: the seed and the schedule that showed it, and what each
/// call did. `schedule` is `(its number, of how many)` where the clause plays many.
pub(crate) fn seen(
    seed: Seed,
    numbered: Option<(usize, usize)>,
    schedule: &Schedule,
    made: &[Made],
    origin: tokio::time::Instant,
) -> String {
    let which = match numbered {
        Some((n, of)) => format!(", schedule {} of {of}", n + 1),
        None => String::new(),
    };
    format!(
        "\n\nSeen with {seed}{which}: {schedule}{}",
        judge::what_happened(made, origin)
    )
}

/// Something a call started panicked.
pub(crate) fn panicked(panicked: &Panicked) -> String {
    format!(
        "Something a call started panicked: {panicked}. What dies leaves its call to wait out \
         its deadline, and its panic unseen (libtest keeps a thread's quiet, and tokio keeps a \
         task's in a JoinHandle nobody reads): handle the error instead (a send to a caller \
         that is gone fails, and that is how a worker learns it may stop)."
    )
}

/// A call did not come back `HANG_LIMIT` after its deadline.
pub(crate) fn hung(id: usize, timeout: Duration, clock: &str, missing: usize) -> String {
    let others = match missing {
        0 | 1 => String::new(),
        n => format!(" ({n} calls in all had not)"),
    };
    format!(
        "Call {id}, asked to give up after {}, had not returned {} after its deadline{clock}{others}: \
         it waits for something that does not come: a worker that does not stop (a join?), an \
         answer after its deadline, a lock another call keeps?",
        human(timeout),
        human(HANG_LIMIT),
    )
}

/// A call the service should have answered at once was not.
pub(crate) fn not_answered(id: usize, how: impl Display, clock: &str) -> String {
    format!(
        "Call {id} {how}{clock}, though the service was up and answered every check at once: \
         does the worker stop after a check that failed, does another call stop it or take its \
         answer?"
    )
}

/// Dropping the watcher panicked.
pub(crate) fn drop_panicked(where_: &str, panicked: impl Display) -> String {
    format!(
        "Dropping the watcher ({where_}) panicked: {panicked}. A watcher is dropped wherever its \
         owner is: inside async code, where blocking (block_on, a runtime's drop) panics, and on \
         a plain thread, where there is no runtime to spawn on."
    )
}

/// Dropping the watcher had not returned after `HANG_LIMIT`.
pub(crate) fn drop_hung(where_: &str, clock: &str) -> String {
    format!(
        "Dropping the watcher ({where_}) had not returned after {}{clock}: its drop waits for \
         something that does not end (a join of a worker that never stops?). A watcher's drop \
         tells what it owns to stop, and returns.",
        human(HANG_LIMIT)
    )
}

/// The service was still checked after the calls of a batch had returned.
pub(crate) fn checked_on(
    calls: usize,
    what: &str,
    dropped: bool,
    after: usize,
    within: &str,
) -> String {
    let passed = if dropped {
        " and their deadlines had passed"
    } else {
        ""
    };
    format!(
        "After {calls} calls that {what} had all returned{passed}, the service was checked \
         {after} more times {within}: what a call starts goes on checking after the call is over \
         (until its own deadline, or a cap of its own?). Once a call has returned, what it \
         started may finish its check in flight, and must stop at its next tick."
    )
}

/// Threads or tasks the second batch started were still alive after it.
pub(crate) fn lingered(
    calls: usize,
    what: &str,
    first: usize,
    kind: Kind,
    report: impl Display,
) -> String {
    format!(
        "After {calls} more calls that {what} (on a watcher that had already served {first}), \
         with their checks in flight finished, {} they started were still alive: what a call \
         starts must end within its check in flight and a tick of the call's return, whatever \
         the call's timeout.\n{report}",
        kind.plural
    )
}

/// Something was left once the watcher was dropped.
pub(crate) fn left_after_drop(what: &str, where_: &str, report: impl Display) -> String {
    format!(
        "After calls that {what} (two batches on one watcher), and the watcher dropped {where_}, \
         with every check they started given time to finish:\n{report}"
    )
}

/// In a steady stream, the service was checked as if the stream's calls still waited.
pub(crate) fn checked_beside(calls: usize, count: usize, allowed: usize, over: Duration) -> String {
    format!(
        "While a call waited all along and {calls} calls came and went one after another \
         beside it, the service was checked {count} times in {}, where the calls waiting then \
         check at most {allowed} times: what the calls before had started went on checking \
         after they had returned, for as long as someone waited (a count, a flag or a stop the \
         whole watcher or one thread shares?). What a call starts ends with it.",
        human(over)
    )
}
