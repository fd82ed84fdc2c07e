//! Double send: the worker reports twice, "not yet" and then "ready"; the caller reads
//! one report and returns. The second send blocks.
//!
//! The worker says at once that it has started and the service is not ready yet, then
//! runs its slow check and reports again. The caller reads one report and acts on it: "not
//! yet" means return early, come back later. Nobody reads the second report. As in the
//! blocked send, the watcher keeps the receiving end alive, so the second send waits for
//! a receiver forever, and a later caller may be handed that forgotten "ready".
//!
//! See it: `cargo run -p leaky -- --pattern double-send`. Every call returns at once with
//! "not yet"; every worker is left stuck on its second send.
//!
//! The moral: a worker must send no more reports than its receiver will read, or send
//! where a report can always land.

pub mod tasks;
pub mod threads;

/// The name each worker thread carries, so that the checker's report can name it.
pub const WORKER: &str = "ready-reporter";
