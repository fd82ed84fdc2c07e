//! Unclosed channel: a worker serves requests until its channel closes, but a sender
//! lives on, so it never closes.
//!
//! Here the caller does not wait for the worker's loop to tick: it sends the worker a
//! "check now" request on every tick, and the worker serves requests in a `for` loop
//! that ends when the request channel closes, which is when every sender is gone. The
//! caller's sender goes when the call returns. But the worker keeps a sender too, to
//! put a failed check back in its own queue, and a channel never closes while a sender
//! lives. So the worker waits for the next request forever.
//!
//! See it: `cargo run -p leaky -- --pattern unclosed-channel`. Each call leaves a worker
//! blocked on an empty queue that only it could ever fill.
//!
//! The moral: a receive loop ends when the last sender goes; count the senders, the
//! worker's own included.

pub mod tasks;
pub mod threads;

/// The name each worker thread carries, so that the checker's report can name it.
pub const WORKER: &str = "check-server";
