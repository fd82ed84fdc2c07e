//! Detached handle: dropping a `JoinHandle` detaches the work; it does not stop it.
//!
//! The caller starts a monitor that keeps the service's readiness fresh, checking every
//! tick, and keeps its `JoinHandle` in a local, as if holding the handle were holding the
//! work. When the call returns, on time or not, the handle is dropped. For a
//! `std::thread` and for a tokio task alike, that only lets go of the handle: the monitor
//! runs on, with nobody left to stop it or to wait for it.
//!
//! See it: `cargo run -p leaky -- --pattern detached-handle`. Every call leaves a
//! monitor behind, answered or not.
//!
//! The moral: own what you spawn. A scope, a `JoinSet`, or a guard that cancels and
//! joins: something whose end is the work's end.

pub mod tasks;
pub mod threads;

/// The name each monitor thread carries, so that the checker's report can name it.
pub const WORKER: &str = "ready-monitor";
