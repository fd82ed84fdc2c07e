//! Detached handle: dropping the monitor's `JoinHandle` leaves the monitor running,
//! whether the call was answered or not.

use std::time::Duration;

use leaky::detached_handle::{self, WORKER};
use workshop::expect::{tasks_outlive, threads_outlive};
use workshop::{Probe, timed_out_task_calls, timed_out_thread_calls};

#[test]
fn every_timed_out_call_leaves_its_monitor_running() {
    let ready = Probe::ready_after(Duration::ZERO);
    threads_outlive(3, WORKER, || {
        timed_out_thread_calls!(detached_handle::threads, 3, ready)
    });
}

#[test]
fn even_an_answered_call_leaves_its_monitor_running() {
    threads_outlive(1, WORKER, || {
        let watcher = detached_handle::threads::Watcher::new(
            Probe::ready_after(Duration::ZERO),
            Duration::from_millis(1),
        );
        assert_eq!(watcher.wait_ready(Duration::from_secs(3600)), Ok(()));
        watcher
    });
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn every_call_leaves_its_monitor_task_running() {
    let calls = timed_out_task_calls!(
        detached_handle::tasks,
        3,
        Probe::ready_after(Duration::from_secs(10))
    );
    tasks_outlive(3, calls).await.unwrap();
}

mod red_threads {
    workshop::contract!(
        threads,
        leaky::detached_handle::threads,
        [
            nothing_a_call_starts_outlives_it
        ],
        #[ignore = "red: the clauses of the contract leaky breaks; `fixed` keeps them all"]
    );
}
mod red_tasks {
    workshop::contract!(
        tasks,
        leaky::detached_handle::tasks,
        [
            nothing_a_call_starts_outlives_it
        ],
        #[ignore = "red: the clauses of the contract leaky breaks; `fixed` keeps them all"]
    );
}
