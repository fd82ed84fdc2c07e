//! Detached handle, fixed: the call owns the monitor, and the monitor's end is the
//! call's.
//!
//! In `leaky` the monitor's `JoinHandle` is kept in a local and dropped at the end of
//! the call, which detaches the monitor instead of stopping it.
//!
//! - [`threads`] and [`tasks`], the default: **owned handles**. The thread flavour runs
//!   the monitor in `std::thread::scope`, which returns only once its closure has (a flag
//!   tells it to stop first). The task flavour spawns it into a `JoinSet` the call owns;
//!   dropping the set aborts it.
//! - [`cancel_and_wait`]: **cancel, then wait**. The thread flavour puts the handle in
//!   a guard that raises a stop flag and joins when dropped. The task flavour tracks the
//!   monitor with tokio-util's `TaskTracker`, runs it under a `CancellationToken`, and
//!   on the way out cancels, closes the tracker and waits for it.
//!
//! Run them: `cargo run -p fixed -- --pattern detached-handle` (and
//! `detached-handle-cancel-and-wait`).

pub mod tasks;
pub mod threads;

/// A guard that cancels and joins; a tracker and a token.
pub mod cancel_and_wait {
    use super::WORKER;
    pub mod tasks;
    pub mod threads;
}

/// The name each monitor thread carries, so that the checker's report can name it.
pub const WORKER: &str = "ready-monitor";
