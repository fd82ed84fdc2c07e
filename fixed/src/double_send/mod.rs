//! Double send, fixed: no report is left unread, and no unread report waits.
//!
//! In `leaky` the worker reports twice ("not yet", then "ready") on a channel the
//! watcher keeps, the caller reads one report, takes "not yet" for its answer, and the
//! second send blocks forever.
//!
//! - [`threads`] and [`tasks`], the default: **one report per worker**: the answer,
//!   and nothing before it, on a channel made for the call. The caller reads the one
//!   report it gets.
//! - [`buffered`]: **a channel sized for every report**, per call: both sends find room,
//!   read or not, and the caller reads reports until one says ready.
//! - [`drop_aware`]: **a sender that notices the receiver is gone**: a channel per
//!   call (a rendezvous channel for threads; `async-channel` has none, so one slot for
//!   tasks), and a worker that stops at the first report nobody can receive.
//!
//! All three also read until "ready": a "not yet" is not an answer. And in all three
//! the worker stops at its call's deadline: without that, a check that never passes
//! would keep it ticking after its caller has gone (the endless ticker).
//!
//! Run them: `cargo run -p fixed -- --pattern double-send` (and `--list`).

pub mod tasks;
pub mod threads;

/// A channel with room for both reports, per call.
pub mod buffered {
    use super::WORKER;
    pub mod tasks;
    pub mod threads;
}

/// A worker that stops when its report finds no receiver.
pub mod drop_aware {
    use super::WORKER;
    pub mod tasks;
    pub mod threads;
}

/// The name each worker thread carries, so that the checker's report can name it.
pub const WORKER: &str = "ready-reporter";
