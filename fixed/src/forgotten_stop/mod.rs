//! Forgotten stop, fixed: the poller keeps its own contract.
//!
//! In `leaky` the poller must be stopped by the caller, and the early return on timeout
//! forgets to. Here the poller stops itself when it is dropped: the thread flavour's
//! `Drop` raises the stop flag and joins the thread (each check gives up at the
//! caller's deadline, and the flag is read once per tick, so the join waits at most a
//! tick past the deadline); the task flavour's `Drop` aborts the task. Every way out
//! of the call drops the poller: the early return, a `?`, a panic, or the caller
//! dropping the future. `stop` stays, for the reader who likes to say it.
//!
//! Run it: `cargo run -p fixed -- --pattern forgotten-stop`.

pub mod tasks;
pub mod threads;

/// The name each poller thread carries, so that the checker's report can name it.
pub const WORKER: &str = "ready-poller";
