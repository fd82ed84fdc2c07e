//! Blocked send, fixed: every thread and task is given back once the caller gives
//! up.
//!
//! In `leaky` the watcher keeps one channel for every call, so the receiving end
//! outlives each call that times out, and the worker's late send waits forever.
//! Here the watcher keeps no channel, and there are four fixes. Each is a drop-in
//! replacement for the leaky file of the same name (`threads.rs`, `tasks.rs`):
//! `diff leaky/src/blocked_send/threads.rs fixed/src/blocked_send/cancel/threads.rs`
//! shows one fix and nothing else.
//!
//! - [`threads`] and [`tasks`], the default: **no worker at all**. The caller runs
//!   the check itself, on its own ticker, under its own deadline. Nothing is
//!   spawned, so nothing can leak, and the caller is back at its deadline even
//!   while a slow check is under way. The real code's fix polled in the caller too,
//!   but gave the check no deadline; in async Rust this is the idiomatic fix: dropping
//!   a future cancels it.
//! - [`buffered`]: a channel per call with **one slot**, so the worker's late send
//!   never waits. This is Go's usual fix, and alone it falls short: if the check
//!   never passes, the worker never reaches its send and its ticker loop never ends
//!   (the endless ticker). So the worker is also given the call's deadline
//!   and stops ticking there, and the caller reads a closed channel as "not ready".
//!   A worker still *lingers* for the check in flight.
//! - [`cancel`]: the worker **selects on a cancellation** that the caller fires when
//!   it returns, so the loop ends even when the check never passes. A thread's
//!   blocking check cannot be interrupted: the thread lingers until the check in
//!   flight is done. A task's check is a future, and the cancellation drops it: the
//!   task ends at once.
//! - [`drop_aware`]: a channel per call and a **sender that notices the receiver is
//!   gone**. This is Rust's own answer: once the caller returns, its receiver is
//!   dropped and every send fails at once. The worker reports every check and ends
//!   at the first report nobody receives; it lingers for the check in flight.
//!
//! Run them: `cargo run -p fixed -- --pattern blocked-send` (and `--list` for the
//! others).

pub mod tasks;
pub mod threads;

/// A one-slot channel per call: the late send never waits.
pub mod buffered {
    use super::WORKER;
    pub mod tasks;
    pub mod threads;
}

/// The worker selects on a cancellation the caller fires when it returns.
pub mod cancel {
    use super::WORKER;
    pub mod tasks;
    pub mod threads;
}

/// The worker reports every check and stops when nobody receives.
pub mod drop_aware {
    use super::WORKER;
    pub mod tasks;
    pub mod threads;
}

/// The name each worker thread carries, so that the checker's report can name it.
pub const WORKER: &str = "ready-verifier";
