//! Endless ticker: the check never passes, so the ticker loop never ends. A worker
//! wakes every tick, forever.
//!
//! A variant of the real code's second leak (there the caller stopped a ticker the
//! worker ranged over, and Go's `Stop` does not close the ticker's channel, so the worker
//! parked forever on its receive; here the worker owns its ticker, as Rust's tickers
//! belong to whoever receives from them). The worker's loop has one way out: a check that
//! passes.
//! When the service never comes up, the caller gives up at its deadline, and the worker
//! goes on checking, every tick, for as long as the process lives. Nothing is blocked;
//! nothing is listening either. Each channel here is made per call, so the late send of
//! the blocked-send story cannot happen: the loop simply never gets there.
//!
//! See it: `cargo run -p leaky -- --pattern endless-ticker` runs a probe that never
//! passes. Every call leaves a worker that is never stuck and never done.
//!
//! The moral: every loop needs a way out that does not depend on the answer it is
//! waiting for.

pub mod tasks;
pub mod threads;

/// The name each worker thread carries, so that the checker's report can name it.
pub const WORKER: &str = "ready-ticker";
