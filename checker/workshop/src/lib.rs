//! What the `leaky` and `fixed` crates share, written once: the simulated readiness probe
//! that every pattern waits on, the registry the demo binaries list, the demo runner itself,
//! and the assertions the tests of both crates make.
//!
//! Nothing here leaks or fixes anything; the lessons live in the pattern modules of `leaky`
//! and `fixed`, which are twins on purpose.

pub mod contract;
pub mod demo;
pub mod expect;
pub mod figures;
pub mod manifest;
mod pattern;
mod probe;
pub mod words;

/// Whether this process runs the current test alone, so that a thread count taken in it
/// sees that test's threads only: it is the child process `checker::isolated` started, or
/// cargo-nextest runs each test in a process of its own (and says so in
/// `NEXTEST_EXECUTION_MODE`).
pub fn runs_alone() -> bool {
    checker::in_isolated_child()
        || std::env::var("NEXTEST_EXECUTION_MODE").is_ok_and(|mode| mode == "process-per-test")
}

pub use manifest::Service;
pub use pattern::{Pattern, Scenario, TaskCall, ThreadCall, TimedOut};
pub use probe::{Gate, Probe, Switch};
