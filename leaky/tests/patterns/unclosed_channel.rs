//! Unclosed channel: the worker's own sender keeps its queue open, so its receive loop
//! never ends.

use std::time::Duration;

use leaky::unclosed_channel::{self, WORKER};
use workshop::expect::{tasks_outlive, threads_outlive};
use workshop::{Probe, timed_out_task_calls, timed_out_thread_calls};

#[test]
fn every_call_leaves_a_worker_waiting_on_its_own_queue() {
    let ready = Probe::ready_after(Duration::ZERO);
    threads_outlive(3, WORKER, || {
        timed_out_thread_calls!(unclosed_channel::threads, 3, ready)
    });
}

#[test]
fn even_an_answered_call_leaves_its_worker() {
    threads_outlive(1, WORKER, || {
        let watcher = unclosed_channel::threads::Watcher::new(
            Probe::ready_after(Duration::ZERO),
            Duration::from_millis(1),
        );
        assert_eq!(watcher.wait_ready(Duration::from_secs(3600)), Ok(()));
        watcher
    });
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn every_call_leaves_a_task_waiting_on_its_own_queue() {
    let calls = timed_out_task_calls!(
        unclosed_channel::tasks,
        3,
        Probe::ready_after(Duration::from_secs(10))
    );
    tasks_outlive(3, calls).await.unwrap();
}

mod red_threads {
    workshop::contract!(
        threads,
        leaky::unclosed_channel::threads,
        [
            nothing_a_call_starts_outlives_it
        ],
        #[ignore = "red: the clauses of the contract leaky breaks; `fixed` keeps them all"]
    );
}
mod red_tasks {
    workshop::contract!(
        tasks,
        leaky::unclosed_channel::tasks,
        [
            nothing_a_call_starts_outlives_it
        ],
        #[ignore = "red: the clauses of the contract leaky breaks; `fixed` keeps them all"]
    );
}
