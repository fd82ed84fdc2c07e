//! Checks the blocked-send exercise, thread flavour: `threads.rs` beside this file.
//!
//! As shipped, `threads.rs` is the leaky module itself, so this fails with the
//! checker's report. Fix it until this passes:
//!
//!     cargo test -p leaky --test blocked_send_threads
//!
//! Hints: `hints.md` beside this file. Start over:
//! `git checkout leaky/exercises/blocked_send/threads.rs`.

// The exercise is written as a library module, with `pub` items; here it is private.
#[allow(unreachable_pub)]
#[path = "threads.rs"]
mod exercise;

use std::time::Duration;

// The exercise names its worker threads with `super::WORKER`; a fix with no worker
// thread has no use for it.
#[allow(unused_imports)]
use leaky::blocked_send::WORKER;
use workshop::expect::no_thread_outlives;
use workshop::{Probe, timed_out_thread_calls};

fn ready() -> Probe {
    Probe::ready_after(Duration::ZERO)
}

fn guide() {
    // Shown only when a test fails.
    println!(
        "Fix leaky/exercises/blocked_send/threads.rs until this passes. Hints: \
         leaky/exercises/blocked_send/hints.md"
    );
}

#[test]
fn a_timed_out_call_leaves_no_thread_behind() {
    guide();
    no_thread_outlives(|| timed_out_thread_calls!(exercise, 3, ready()));
}

#[test]
fn a_call_with_time_enough_is_still_answered_ready() {
    guide();
    let watcher = exercise::Watcher::new(ready(), Duration::from_millis(1));
    assert_eq!(watcher.wait_ready(Duration::from_secs(3600)), Ok(()));
}
