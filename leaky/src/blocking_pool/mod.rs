//! Blocking pool: a `spawn_blocking` check cannot be aborted once it has started. The
//! caller's timeout fires, and the blocking thread runs on.
//!
//! The check blocks its thread (a synchronous client, a file lock), so the task hands
//! it to tokio's blocking pool with `spawn_blocking` and waits for it under a timeout.
//! The check loops until the service answers. When the timeout fires, the `JoinHandle`
//! is dropped, and for a blocking job that changes nothing: tokio cannot interrupt a
//! thread, and `JoinHandle::abort` does not reach a job that has started. The loop runs
//! on, on a thread of the pool, forever. tokio calls it a blocking task, but its
//! live-task count (`num_alive_tasks`) leaves it out; a thread check sees it. Dropping the runtime waits for its blocking jobs, so this one
//! would hold a shutdown forever, and even a job that ends leaves its idle thread in the
//! pool for 10 s.
//!
//! Task flavour only: the thread flavour of this story is the endless ticker.
//!
//! See it: `cargo run -p leaky -- --pattern blocking-pool` runs a check that never
//! passes. Every call leaves a blocking thread looping.
//!
//! The moral: blocking work stops only when it looks for a reason to; give it one.

pub mod tasks;
