//! Checks the blocked-send exercise, task flavour: `tasks.rs` beside this file.
//!
//! As shipped, `tasks.rs` is the leaky module itself, so this fails with the
//! checker's report. Fix it until this passes:
//!
//!     cargo test -p leaky --test blocked_send_tasks
//!
//! Hints: `hints.md` beside this file. Start over:
//! `git checkout leaky/exercises/blocked_send/tasks.rs`.

// The exercise is written as a library module, with `pub` items; here it is private.
#[allow(unreachable_pub)]
#[path = "tasks.rs"]
mod exercise;

use std::time::Duration;

use workshop::expect::no_task_outlives;
use workshop::{Probe, timed_out_task_calls};

/// The story's check: ten seconds, against the caller's one-second deadline.
fn ten_second_check() -> Probe {
    Probe::ready_after(Duration::from_secs(10))
}

fn guide() {
    // Shown only when a test fails.
    println!(
        "Fix leaky/exercises/blocked_send/tasks.rs until this passes. Hints: \
         leaky/exercises/blocked_send/hints.md"
    );
}

// Paused time: the story's 1 s deadline against a 10 s check costs no real time.

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn timed_out_calls_leave_no_task_behind() {
    guide();
    let calls = timed_out_task_calls!(exercise, 3, ten_second_check());
    no_task_outlives(calls).await.unwrap();
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_call_with_time_enough_is_still_answered_ready() {
    guide();
    let watcher =
        exercise::Watcher::new(ten_second_check(), Duration::from_secs(1));
    assert_eq!(watcher.wait_ready(Duration::from_secs(60)).await, Ok(()));
}
