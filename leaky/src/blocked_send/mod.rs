//! Blocked send: a worker reports "ready" on a channel that nobody will ever read
//! again.
//!
//! The story, from a well-known Go bug: a caller waits for a service to become
//! ready, with a deadline. It starts a worker that runs a slow readiness check on a
//! ticker and sends `true` on a channel once the check passes, while the caller
//! waits on that channel and on a timer. When the timer wins (in the best-known
//! retelling, a 1 s deadline against a 10 s check), the caller returns. Seconds later the worker finishes its
//! check and tries to send. Nobody receives, and the worker waits for a receiver
//! forever.
//!
//! Rust changes one detail, and it matters. A Rust channel knows when its other
//! side is gone: once the last receiver is dropped, a blocked `send` wakes up with
//! `Err`. So the literal port, with a channel made inside the call, would not leak
//! forever: the worker would find out when it sent. The leak is real when the
//! receiving end outlives the call, and here it does: a long-lived
//! [`Watcher`](threads::Watcher) owns the channel and is asked again and again.
//! Each call that times out leaves one worker behind, blocked on a send to a
//! receiver that is alive and no longer listening.
//!
//! Run it: `cargo run -p leaky -- --pattern blocked-send`. The same module in the
//! `fixed` crate shows the fixes.

pub mod tasks;
pub mod threads;

/// The name each worker thread carries, so that the checker's report can name it.
pub const WORKER: &str = "ready-verifier";
