//! The registry the demo binaries read: each pattern by name, with a constructor per flavour.
//! The registries themselves are written from the manifest by the build scripts of `leaky`
//! and `fixed` (`workshop_manifest::registry`).

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

/// The error every `wait_ready` returns when its deadline wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimedOut(pub Duration);

impl fmt::Display for TimedOut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not ready after {}", humantime::format_duration(self.0))
    }
}

impl std::error::Error for TimedOut {}

/// What one demo run asks of a pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scenario {
    /// How many times the caller waits.
    pub calls: usize,
    /// How long each call waits before it gives up.
    pub timeout: Duration,
    /// How long one readiness check takes.
    pub verify_takes: Duration,
    /// The worker's ticker: a check starts on a tick (and at once after a check that
    /// outlasted one, when a tick is already due).
    pub tick: Duration,
}

/// One call of a pattern's thread flavour.
pub type ThreadCall = Box<dyn FnMut() -> Result<(), TimedOut>>;
/// One call of a pattern's task flavour, run on the demo's tokio runtime.
pub type TaskCall = Box<dyn FnMut() -> Pin<Box<dyn Future<Output = Result<(), TimedOut>>>>>;

/// A pattern as the demo binaries list and run it.
#[derive(Debug, Clone, Copy)]
pub struct Pattern {
    /// The name on the command line: `blocked-send`.
    pub name: &'static str,
    /// The Rust module the pattern lives in, from its crate's root: `blocked_send`.
    pub module: &'static str,
    /// One line on what happens.
    pub summary: &'static str,
    /// The readiness check its demo runs.
    pub service: crate::Service,
    /// Builds the thread flavour's caller, if the pattern has one.
    pub threads: Option<fn(&Scenario) -> ThreadCall>,
    /// Builds the task flavour's caller, if the pattern has one.
    pub tasks: Option<fn(&Scenario) -> TaskCall>,
    /// A line the demo prints beside the thread flavour's leak, where its count needs
    /// saying why.
    pub threads_note: Option<&'static str>,
    /// The same for the task flavour.
    pub tasks_note: Option<&'static str>,
}
