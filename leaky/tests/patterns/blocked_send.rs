//! Blocked send: the checker names every worker a timed-out call leaves behind, and a
//! later caller takes an answer that was meant for an earlier one.

use std::time::Duration;

use leaky::blocked_send::{self, WORKER};
use workshop::expect::{no_thread_outlives, tasks_outlive, threads_outlive};
use workshop::{Probe, timed_out_task_calls, timed_out_thread_calls};

fn ready() -> Probe {
    Probe::ready_after(Duration::ZERO)
}

/// The story's check: ten seconds, against the caller's one-second deadline.
fn ten_second_check() -> Probe {
    Probe::ready_after(Duration::from_secs(10))
}

#[test]
fn every_timed_out_call_leaves_one_worker_thread_blocked() {
    threads_outlive(3, WORKER, || {
        timed_out_thread_calls!(blocked_send::threads, 3, ready())
    });
}

mod red_threads {
    workshop::contract!(
        threads,
        leaky::blocked_send::threads,
        [
            a_call_never_takes_an_answer_meant_for_another,
            nothing_a_call_starts_outlives_it
        ],
        #[ignore = "red: the clauses of the contract leaky breaks; `fixed` keeps them all"]
    );
}

#[test]
fn a_blocked_worker_thread_hands_its_stale_answer_to_the_next_caller() {
    // The rendezvous: a worker blocked on its send meets the next caller's receive, which
    // takes an answer meant for a caller that gave up long ago.
    let watcher = timed_out_thread_calls!(blocked_send::threads, 1, ready());
    assert_eq!(watcher.wait_ready(Duration::from_secs(3600)), Ok(()));
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn every_late_answer_after_the_first_leaves_a_task_blocked() {
    // The first late answer fits in the channel's one slot; the other two wait for room.
    let calls = timed_out_task_calls!(blocked_send::tasks, 3, ten_second_check());
    tasks_outlive(2, calls).await.unwrap();
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_late_answer_left_in_the_slot_fools_the_next_caller() {
    let watcher =
        timed_out_task_calls!(blocked_send::tasks, 1, ten_second_check()).await;
    // Long enough for the abandoned worker to finish its check and fill the slot.
    tokio::time::sleep(Duration::from_secs(20)).await;
    let asked = tokio::time::Instant::now();
    assert_eq!(watcher.wait_ready(Duration::from_secs(1)).await, Ok(()));
    assert_eq!(
        asked.elapsed(),
        Duration::ZERO,
        "a 10 s check cannot pass at once: this answer was meant for the earlier caller"
    );
}

mod red_tasks {
    workshop::contract!(
        tasks,
        leaky::blocked_send::tasks,
        [
            a_call_never_takes_an_answer_meant_for_another,
            nothing_a_call_starts_outlives_it
        ],
        #[ignore = "red: the clauses of the contract leaky breaks; `fixed` keeps them all"]
    );
}

#[test]
fn every_call_that_is_answered_in_time_leaves_nothing() {
    // The leak needs a deadline that wins: with time enough, the worker's answer is taken.
    no_thread_outlives(|| {
        let watcher =
            blocked_send::threads::Watcher::new(ready(), Duration::from_millis(1));
        assert_eq!(watcher.wait_ready(Duration::from_secs(3600)), Ok(()));
        watcher
    });
}
