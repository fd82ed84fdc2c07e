//! Stale answer, fixed: an answer reaches only the call that asked for it.
//!
//! In `leaky` one channel serves every call and has room for every answer, so a late
//! answer waits there for the next call, which takes it for its own.
//!
//! [`threads`] and [`tasks`]: **a channel per call**. A late answer goes to a channel
//! nobody will read again, and its room means the send never waits. The worker also
//! stops at its call's deadline, so a check that never passes cannot keep it ticking.
//!
//! A fix that looks right and is not: tagging each answer with its call's number and
//! keeping the shared channel. It works for calls made one after another; with calls at
//! once, each call reads and throws away answers meant for the others, so a call whose
//! check passed can still time out. It is kept, as a wrong fix the exercise's check
//! catches, in `leaky/exercises/stale_answer/wrong/tagged/`.
//!
//! Run it: `cargo run -p fixed -- --pattern stale-answer`.

pub mod tasks;
pub mod threads;

/// The name each worker thread carries, so that the checker's report can name it.
pub const WORKER: &str = "ready-verifier";
