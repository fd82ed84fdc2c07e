//! Checks the double-send exercise, thread flavour: `threads.rs` beside this file.
//!
//! As shipped, `threads.rs` is the leaky module itself, so this fails with the checker's
//! report. Fix it until this passes:
//!
//!     cargo test -p leaky --test double_send_threads
//!
//! Hints: `hints.md` beside this file. Start over:
//! `git checkout leaky/exercises/double_send/threads.rs`.
//!
//! The checks are the ones every fix in `fixed` passes: calls that time out leave
//! nothing behind, no answer reaches a call it was not meant for, and a call with
//! time enough is answered ready.

// The exercise is written as a library module, with `pub` items; here it is private.
#[allow(unreachable_pub)]
#[path = "threads.rs"]
mod exercise;

// The exercise reads the pattern's constants from `super`; a fix may not need them.
#[allow(unused_imports)]
use leaky::double_send::WORKER;

workshop::standard_checks!(threads, exercise, ready);
