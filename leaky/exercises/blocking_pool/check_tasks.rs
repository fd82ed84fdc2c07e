//! Checks the blocking-pool exercise, task flavour: `tasks.rs` beside this file.
//!
//! As shipped, `tasks.rs` is the leaky module itself, so this fails with the checker's
//! report. Fix it until this passes:
//!
//!     cargo test -p leaky --test blocking_pool_tasks
//!
//! Hints: `hints.md` beside this file. Start over:
//! `git checkout leaky/exercises/blocking_pool/tasks.rs`.
//!
//! The checks are the ones every fix in `fixed` passes: calls that time out leave no
//! blocking thread behind, and a call with time enough is answered ready.

// The exercise is written as a library module, with `pub` items; here it is private.
#[allow(unreachable_pub)]
#[path = "tasks.rs"]
mod exercise;

workshop::blocking_checks!(exercise);
