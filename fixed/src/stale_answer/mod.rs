//! Stale answer, fixed: an answer reaches only the call that asked for it.
//!
//! In `leaky` one channel serves every call and has room for every answer, so a late
//! answer waits there for the next call, which takes it for its own.
//!
//! - [`threads`] and [`tasks`], the default: **a channel per call**. A late answer goes
//!   to a channel nobody will read again, and its room means the send never waits.
//! - [`tagged`]: **answers tagged with the call they belong to**. The shared channel
//!   stays; each answer carries its call's number, and a call throws away the answers
//!   of others.
//!
//! Run them: `cargo run -p fixed -- --pattern stale-answer` (and `stale-answer-tagged`).

pub mod tasks;
pub mod threads;

/// Answers carry the number of the call they answer.
pub mod tagged {
    use super::WORKER;
    pub mod tasks;
    pub mod threads;
}

/// The name each worker thread carries, so that the checker's report can name it.
pub const WORKER: &str = "ready-verifier";
