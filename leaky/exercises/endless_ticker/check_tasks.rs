//! Checks the endless-ticker exercise, task flavour: `tasks.rs` beside this file.
//!
//! As shipped, `tasks.rs` is the leaky module itself, so this fails with the checker's
//! report. Fix it until this passes:
//!
//!     cargo test -p leaky --test endless_ticker_tasks
//!
//! Hints: `hints.md` beside this file. Start over:
//! `git checkout leaky/exercises/endless_ticker/tasks.rs`.
//!
//! The checks are the ones every fix in `fixed` passes: calls that time out leave
//! nothing behind (with a check that never passes), no answer reaches a call it was not meant for, and a call with
//! time enough is answered ready.

// The exercise is written as a library module, with `pub` items; here it is private.
#[allow(unreachable_pub)]
#[path = "tasks.rs"]
mod exercise;

workshop::standard_checks!(tasks, exercise, never_ready);
