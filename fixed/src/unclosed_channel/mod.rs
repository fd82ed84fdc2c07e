//! Unclosed channel, fixed: when the call returns, the worker's queue closes.
//!
//! In `leaky` the worker keeps a sender to its own queue, to put a failed check back,
//! so the queue never closes and its receive loop never ends.
//!
//! - [`threads`] and [`tasks`], the default: **drop every sender**. The worker keeps
//!   none: a check that fails waits for the caller's next request, which comes on the
//!   next tick anyway. The call's sender is the only one, and it goes with the call.
//! - [`weak_sender`]: **hold a weak sender where the worker must send to itself**. A
//!   weak sender can send while a strong one lives and cannot keep the channel open:
//!   `async-channel` has `Sender::downgrade`; crossbeam has none, so the thread flavour
//!   shares the call's sender through an `Arc` and gives the worker a `Weak`.
//! - [`shutdown`]: **an explicit shutdown**: the worker also waits for a shutdown the
//!   call triggers when it returns (a dropped channel, a cancelled token), queue closed
//!   or not.
//!
//! Run them: `cargo run -p fixed -- --pattern unclosed-channel` (and `--list`).

pub mod tasks;
pub mod threads;

/// The worker's sender to its own queue is a weak one.
pub mod weak_sender {
    use super::WORKER;
    pub mod tasks;
    pub mod threads;
}

/// The worker also waits for a shutdown.
pub mod shutdown {
    use super::WORKER;
    pub mod tasks;
    pub mod threads;
}

/// The name each worker thread carries, so that the checker's report can name it.
pub const WORKER: &str = "check-server";
