//! Failing a test at the line that matters, with the message printed once.
//!
//! A panic is reported by the panic hook at the line of the `panic!`. For a verdict that
//! line is inside this crate (a guard's `drop`, the relay of a child process), which is
//! not where a person should look. So these failures print what the hook would, naming
//! the caller's line instead, and then unwind with `resume_unwind`, which fails the test
//! (and matches `#[should_panic(expected = ...)]` against the message) without running the
//! hook a second time.

use std::fmt::Display;
use std::panic;
use std::thread;

/// Prints `thread 'NAME' panicked at AT:` and `message` to the test's output, as the panic
/// hook would, then unwinds with `message` as the panic's payload.
pub(crate) fn fail_at(at: impl Display, message: String, after: &str) -> ! {
    // Inside the child of `isolated`, the parent prints the failure, once.
    if crate::isolated::keep_failure(at.to_string(), format!("{message}{after}")) {
        panic::resume_unwind(Box::new(message));
    }
    let current = thread::current();
    let name = current.name().unwrap_or("<unnamed>");
    eprintln!("\nthread '{name}' panicked at {at}:\n{message}{after}");
    panic::resume_unwind(Box::new(message))
}
