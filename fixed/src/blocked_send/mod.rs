//! Blocked send, fixed: every thread and task is given back when the caller gives
//! up.
//!
//! The story, from a well-known Go bug: a caller waits for a service to become
//! ready, with a deadline. It starts a worker that runs a slow readiness check on a
//! ticker and sends `true` on a channel once the check passes, while the caller
//! waits on that channel and on a timer. When the timer wins, the caller returns,
//! and the worker's late send in `leaky` waits forever on a channel whose receiver
//! the long-lived watcher keeps alive.
//!
//! Here the watcher owns no channel, and there are four fixes, one method each:
//!
//! - `wait_ready` (the default): **no worker at all**. The caller runs the check
//!   itself, on its own ticker, under its own deadline. Nothing is spawned, so
//!   nothing can leak, and the caller is back at its deadline even while a slow
//!   check is under way. This is what the real code's fix did, and in async Rust it
//!   is the idiomatic one: dropping a future cancels it.
//! - `wait_ready_buffered`: a channel per call with **one slot**, so the worker's
//!   late send never waits. This is Go's usual fix. It falls short: the worker
//!   lives on until its check passes, and if the check never passes its ticker loop
//!   never ends (the real code's second leak).
//! - `wait_ready_or_cancel`: the worker **selects on a cancellation signal** that
//!   the caller fires when it returns. The loop ends even when the check never
//!   passes. In the thread flavour a blocking check cannot be interrupted, so the
//!   worker lingers until the check in flight is done; in the task flavour it stops
//!   at once, but a task is still spawned for every call.
//! - `wait_ready_drop_aware`: a rendezvous channel per call and a **sender that
//!   notices the receiver is gone**: the worker reports every check and ends when a
//!   report fails. Like the cancellation, it lingers until the check in flight is
//!   done.
//!
//! Run them: `cargo run -p fixed -- --pattern blocked-send` (and `--list` for the
//! others).

pub mod tasks;
pub mod threads;

/// The name each worker thread carries, so that the checker's report can name it.
pub const WORKER: &str = "ready-verifier";
