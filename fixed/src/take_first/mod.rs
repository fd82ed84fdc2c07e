//! Take first, fixed: once the first answer is in, no other worker is left waiting.
//!
//! In `leaky` the watcher keeps one channel for every call, the first answer is read,
//! and every other replica's worker blocks on its send forever, even when the call
//! succeeds.
//!
//! - [`threads`] and [`tasks`], the default: **cancel the rest once one answers**. Each
//!   call makes its own channel, and when it returns, with the first answer or none, the
//!   other workers are told to stop: the thread flavour drops a channel that every
//!   worker `select!`s on; the task flavour spawns its workers into a `JoinSet` that
//!   the call owns, takes the first to finish, and drops the set, which aborts the
//!   rest (an aborted task is counted until the runtime next polls it, an instant
//!   later); a thread lingers for its check in flight.
//! - [`buffered`]: **a buffer as large as the fan-out**, per call: every replica's send
//!   finds room and returns, read or not. Alone, a buffer would leave every worker
//!   looping on a check that never passes, so each also stops at the call's deadline,
//!   and the first answer stands the others down (a call answered at once, with an
//!   hour to spare, would otherwise leave them checking for the hour). Each still runs
//!   its check in flight to the end (it lingers).
//!
//! Run them: `cargo run -p fixed -- --pattern take-first` (and `take-first-buffered`).

pub mod tasks;
pub mod threads;

/// A buffer with room for every replica's answer, per call.
pub mod buffered {
    use super::{REPLICAS, WORKER};
    pub mod tasks;
    pub mod threads;
}

/// The name each worker thread carries, so that the checker's report can name it.
pub const WORKER: &str = "replica-probe";

/// How many replicas each call asks.
pub const REPLICAS: usize = 3;
