//! The registry the demo binaries read: each pattern by name, with a constructor per flavour.

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
    /// How often the worker runs the check.
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

/// Registers a pattern whose flavours are each a `Watcher` with `new(probe, tick)` and
/// `wait_ready(timeout)`: `threads::Watcher` (blocking) and `tasks::Watcher` (async), in one
/// module. Every fix of a pattern is such a module too, so it registers the same way.
///
/// `watcher_pattern!(NAME, SUMMARY, module)` runs a probe that passes once its check is
/// done; add `, check never passes` for a probe that never does, `, tasks only` for a
/// pattern with no thread flavour, or both (`, tasks only, check never passes`).
///
/// The watcher lives as long as the caller the demo holds, which is the point: the leaks
/// this workshop shows last as long as something keeps a channel's receiving end alive.
#[macro_export]
macro_rules! watcher_pattern {
    ($name:literal, $summary:literal, $($module:ident)::+) => {
        $crate::watcher_pattern!(@ $name, $summary, [$($module)::+], ready_after,
            Some($crate::watcher_pattern!(@threads [$($module)::+], ready_after)))
    };
    ($name:literal, $summary:literal, $($module:ident)::+, check never passes) => {
        $crate::watcher_pattern!(@ $name, $summary, [$($module)::+], never_ready,
            Some($crate::watcher_pattern!(@threads [$($module)::+], never_ready)))
    };
    ($name:literal, $summary:literal, $($module:ident)::+, tasks only) => {
        $crate::watcher_pattern!(@ $name, $summary, [$($module)::+], ready_after, None)
    };
    ($name:literal, $summary:literal, $($module:ident)::+, tasks only, check never passes) => {
        $crate::watcher_pattern!(@ $name, $summary, [$($module)::+], never_ready, None)
    };
    (@service ready_after) => { $crate::Service::ComesUp };
    (@service never_ready) => { $crate::Service::NeverComesUp };
    (@threads [$($module:ident)::+], $probe:ident) => {
        |scenario: &$crate::Scenario| -> $crate::ThreadCall {
            let probe = $crate::Probe::$probe(scenario.verify_takes);
            let watcher = $($module)::+::threads::Watcher::new(probe, scenario.tick);
            let timeout = scenario.timeout;
            Box::new(move || watcher.wait_ready(timeout))
        }
    };
    (@ $name:literal, $summary:literal, [$($module:ident)::+], $probe:ident, $threads:expr) => {
        $crate::Pattern {
            name: $name,
            module: stringify!($($module)::+),
            summary: $summary,
            service: $crate::watcher_pattern!(@service $probe),
            threads_note: None,
            tasks_note: None,
            threads: $threads,
            tasks: Some(|scenario| {
                let probe = $crate::Probe::$probe(scenario.verify_takes);
                let watcher = ::std::rc::Rc::new(
                    $($module)::+::tasks::Watcher::new(probe, scenario.tick),
                );
                let timeout = scenario.timeout;
                Box::new(move || {
                    let watcher = ::std::rc::Rc::clone(&watcher);
                    Box::pin(async move { watcher.wait_ready(timeout).await })
                })
            }),
        }
    };
}
