//! Forgotten stop: a poller with `start` and `stop`; a caller that returns early
//! forgets `stop`, and the poller runs on.
//!
//! The watcher starts a background poller that checks the service every tick and
//! keeps the latest answer, and the caller looks at that answer each tick. The poller's
//! contract says: call `stop` when you are done. The caller does, when the service is
//! ready. When the deadline wins, it returns early with an error, and `stop` is never
//! called: the poller ticks on, forever. A method contract that the caller must keep on
//! every path is one that some path will break: an early `return`, a `?`, a panic.
//!
//! See it: `cargo run -p leaky -- --pattern forgotten-stop`. Every call that times out
//! leaves its poller ticking.
//!
//! The moral: let the type keep the contract. A `Drop` that stops and joins runs on every
//! path out of the scope.

pub mod tasks;
pub mod threads;

/// The name each poller thread carries, so that the checker's report can name it.
pub const WORKER: &str = "ready-poller";
