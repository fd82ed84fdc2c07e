//! Checks the double-send exercise, task flavour: `tasks.rs` beside this file.
//!
//! As shipped, `tasks.rs` is the leaky module itself, so this fails, naming the clauses of
//! the contract it breaks. Fix it until this passes:
//!
//!     cargo test -p leaky --test double_send_tasks
//!
//! Hints: `hints.md` beside this file. Start over:
//! `git checkout leaky/exercises/double_send/tasks.rs`.
//!
//! The checks are the contract every fix in `fixed` keeps: a call returns by its
//! deadline, is answered ready once its own check passes (at once or on a later
//! check), never takes an answer meant for another call, and leaves nothing behind,
//! whether it is answered, times out or (tasks) is dropped, and whether the service
//! comes up at once, later or never; with calls one after another and several at once.

// The exercise is written as a library module, with `pub` items; here it is private.
#[allow(unreachable_pub)]
#[path = "tasks.rs"]
mod exercise;

workshop::contract!(tasks, exercise, file = "leaky/exercises/double_send/tasks.rs");
