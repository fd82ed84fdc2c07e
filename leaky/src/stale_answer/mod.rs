//! Stale answer: a channel reused across calls, and big enough that nothing ever
//! blocks. Nothing leaks, and the answers go to the wrong calls.
//!
//! Someone has heard about the blocked send and given the watcher's one channel room for
//! every answer. Now no worker waits: each drops its late answer into the channel and
//! ends. But the answer stays there, and the next call takes it: it says "ready" at once,
//! before its own check has even run, on the word of a check made for an earlier call,
//! maybe minutes ago. A leak checker finds nothing wrong; the harm is a wrong result.
//!
//! See it: `cargo run -p leaky -- --pattern stale-answer`. No thread or task is left
//! behind, and the later call says ready in a fraction of a millisecond.
//!
//! The moral: an answer belongs to the call that asked. Give each call its own channel,
//! or tag each answer with the call it answers.

pub mod tasks;
pub mod threads;

/// The name each worker thread carries, so that the checker's report can name it.
pub const WORKER: &str = "ready-verifier";
