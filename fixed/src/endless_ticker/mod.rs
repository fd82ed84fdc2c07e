//! Endless ticker, fixed: the loop has a second way out, one that does not depend on
//! the check.
//!
//! In `leaky` the worker's loop ends only when the check passes; a service that never
//! comes up keeps it ticking forever.
//!
//! - [`threads`] and [`tasks`], the default: **the loop also selects on cancellation**.
//!   The thread waits for its next tick or for a channel the caller drops when it
//!   returns; the task runs under a `CancellationToken` that a guard cancels when the
//!   call returns, which drops the loop mid-tick or mid-check. A thread lingers for the
//!   check in flight.
//! - [`closed`]: **the loop ends when its channel is closed**: the worker reports every
//!   check, and the first report that finds no receiver ends it.
//!
//! Run them: `cargo run -p fixed -- --pattern endless-ticker` (and
//! `endless-ticker-closed`).

pub mod tasks;
pub mod threads;

/// The worker reports every check and ends when its channel is closed.
pub mod closed {
    use super::WORKER;
    pub mod tasks;
    pub mod threads;
}

/// The name each worker thread carries, so that the checker's report can name it.
pub const WORKER: &str = "ready-ticker";
