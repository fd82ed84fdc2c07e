//! Take first: the caller asks several replicas at once and takes the first "ready";
//! every other worker blocks on its send.
//!
//! The same story as the blocked send, fanned out: to be ready sooner, the caller asks
//! [`REPLICAS`] replicas of the service at once, one worker each, and returns on the
//! first answer. The first answer is read; the others are not. Uber's LeakProf paper
//! calls this an NCast leak, and it leaks even when a call is answered: the call leaves
//! every replica but one behind, blocked on a send nobody receives for it (the watcher
//! keeps the receiving end alive, as in the blocked send, so a later call reads those
//! stale answers instead of its own).
//!
//! See it: `cargo run -p leaky -- --pattern take-first`. Three workers a call: the first
//! answer is taken, or none before the deadline; the rest are stuck on the send.
//!
//! The moral: every worker you start must have somewhere to put its answer, or a way to
//! hear that nobody wants it any more.

pub mod tasks;
pub mod threads;

/// The name each worker thread carries, so that the checker's report can name it.
pub const WORKER: &str = "replica-probe";

/// How many replicas each call asks.
pub const REPLICAS: usize = 3;
