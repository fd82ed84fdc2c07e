//! Take first: every replica but the one whose answer is read stays blocked on its
//! send, whether the call was answered or timed out.

use std::time::Duration;

use leaky::take_first::{self, REPLICAS, WORKER};
use workshop::expect::{tasks_outlive, threads_outlive};
use workshop::{Probe, timed_out_task_calls, timed_out_thread_calls};

#[test]
fn every_timed_out_call_leaves_every_replica_blocked() {
    let ready = Probe::ready_after(Duration::ZERO);
    threads_outlive(3 * REPLICAS, WORKER, || {
        timed_out_thread_calls!(take_first::threads, 3, ready)
    });
}

#[test]
fn even_an_answered_call_leaves_every_replica_but_one_blocked() {
    threads_outlive(3 * (REPLICAS - 1), WORKER, || {
        let watcher = take_first::threads::Watcher::new(
            Probe::ready_after(Duration::ZERO),
            Duration::from_millis(1),
        );
        for _ in 0..3 {
            assert_eq!(watcher.wait_ready(Duration::from_secs(3600)), Ok(()));
        }
        watcher
    });
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn every_late_answer_after_the_first_leaves_a_task_blocked() {
    // Nine workers; the first late answer fits in the channel's one slot.
    let calls = timed_out_task_calls!(
        take_first::tasks,
        3,
        Probe::ready_after(Duration::from_secs(10))
    );
    tasks_outlive(3 * REPLICAS - 1, calls).await.unwrap();
}

mod red_threads {
    workshop::contract!(
        threads,
        leaky::take_first::threads,
        [
            a_call_never_takes_an_answer_meant_for_another,
            nothing_a_call_starts_outlives_it
        ],
        #[ignore = "red: the clauses of the contract leaky breaks; `fixed` keeps them all"]
    );
}
mod red_tasks {
    workshop::contract!(
        tasks,
        leaky::take_first::tasks,
        [
            a_call_never_takes_an_answer_meant_for_another,
            nothing_a_call_starts_outlives_it
        ],
        #[ignore = "red: the clauses of the contract leaky breaks; `fixed` keeps them all"]
    );
}
