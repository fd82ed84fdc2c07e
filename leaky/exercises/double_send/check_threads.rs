//! Checks the double-send exercise, thread flavour: `threads.rs` beside this file.
//!
//! As shipped, `threads.rs` is the leaky module itself, so this fails, naming the clauses of
//! the contract it breaks. Fix it until this passes:
//!
//!     cargo test -p leaky --test double_send_threads
//!
//! Hints: `hints.md` beside this file. Start over:
//! `git checkout leaky/exercises/double_send/threads.rs`.
//!
//! The checks are the contract every fix in `fixed` keeps: a call returns by its
//! deadline, is answered ready once its own check passes (at once or on a later
//! check), never takes an answer meant for another call, and leaves nothing behind,
//! whether it is answered, times out or (tasks) is dropped, and whether the service
//! comes up at once, later or never; with calls one after another and several at once.

// The exercise is written as a library module, with `pub` items; here it is private.
#[allow(unreachable_pub)]
#[path = "threads.rs"]
mod exercise;

// The exercise reads the pattern's constants from `super`; a fix may not need them.
#[allow(unused_imports)]
use leaky::double_send::WORKER;

workshop::contract!(
    threads,
    exercise,
    file = "leaky/exercises/double_send/threads.rs"
);
