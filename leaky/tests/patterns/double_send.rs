//! Double send: the caller reads the worker's first report ("not yet") and returns; the
//! worker's second send ("ready") blocks.

use std::time::Duration;

use leaky::double_send::{self, WORKER};
use workshop::expect::{tasks_outlive, threads_outlive};
use workshop::{Probe, TimedOut, timed_out_task_calls, timed_out_thread_calls};

#[test]
fn every_call_leaves_its_worker_blocked_on_the_second_send() {
    let ready = Probe::ready_after(Duration::ZERO);
    threads_outlive(3, WORKER, || {
        timed_out_thread_calls!(double_send::threads, 3, ready)
    });
}

#[test]
fn the_caller_takes_the_first_report_for_the_answer() {
    // With all the time in the world, the call returns at once, on "not yet".
    let watcher = double_send::threads::Watcher::new(
        Probe::ready_after(Duration::ZERO),
        Duration::from_millis(1),
    );
    let far = Duration::from_secs(3600);
    assert_eq!(watcher.wait_ready(far), Err(TimedOut(far)));
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn every_second_report_after_the_first_leaves_a_task_blocked() {
    // The first worker's "ready" fits in the channel's one slot; the others wait.
    let calls = timed_out_task_calls!(
        double_send::tasks,
        3,
        Probe::ready_after(Duration::from_secs(10))
    );
    tasks_outlive(2, calls).await.unwrap();
}

mod red_threads {
    workshop::contract!(
        threads,
        leaky::double_send::threads,
        [
            a_call_is_answered_ready_once_its_check_passes,
            nothing_a_call_starts_outlives_it
        ],
        #[ignore = "red: the clauses of the contract leaky breaks; `fixed` keeps them all"]
    );
}
mod red_tasks {
    workshop::contract!(
        tasks,
        leaky::double_send::tasks,
        [
            a_call_is_answered_ready_once_its_check_passes,
            nothing_a_call_starts_outlives_it
        ],
        #[ignore = "red: the clauses of the contract leaky breaks; `fixed` keeps them all"]
    );
}
