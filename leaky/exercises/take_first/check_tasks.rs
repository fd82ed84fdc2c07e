//! Checks the take-first exercise, task flavour: `tasks.rs` beside this file.
//!
//! As shipped, `tasks.rs` is the leaky module itself, so this fails with the checker's
//! report. Fix it until this passes:
//!
//!     cargo test -p leaky --test take_first_tasks
//!
//! Hints: `hints.md` beside this file. Start over:
//! `git checkout leaky/exercises/take_first/tasks.rs`.
//!
//! The checks are the ones every fix in `fixed` passes: calls that time out leave
//! nothing behind, no answer reaches a call it was not meant for, and a call with
//! time enough is answered ready.

// The exercise is written as a library module, with `pub` items; here it is private.
#[allow(unreachable_pub)]
#[path = "tasks.rs"]
mod exercise;

// The exercise reads the pattern's constants from `super`; a fix may not need them.
#[allow(unused_imports)]
use leaky::take_first::REPLICAS;

workshop::standard_checks!(tasks, exercise, ready);
