//! Forgotten stop: the early return on timeout forgets to stop the poller; the return
//! on success remembers.

use std::time::Duration;

use leaky::forgotten_stop::{self, WORKER};
use workshop::expect::{no_thread_outlives, tasks_outlive, threads_outlive};
use workshop::{Probe, timed_out_task_calls, timed_out_thread_calls};

#[test]
fn every_timed_out_call_leaves_its_poller_running() {
    let ready = Probe::ready_after(Duration::ZERO);
    threads_outlive(3, WORKER, || {
        timed_out_thread_calls!(forgotten_stop::threads, 3, ready)
    });
}

#[test]
fn an_answered_call_stops_its_poller() {
    no_thread_outlives(|| {
        let watcher = forgotten_stop::threads::Watcher::new(
            Probe::ready_after(Duration::ZERO),
            Duration::from_millis(1),
        );
        assert_eq!(watcher.wait_ready(Duration::from_secs(3600)), Ok(()));
        watcher
    });
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn every_timed_out_call_leaves_its_poller_task_running() {
    let calls = timed_out_task_calls!(
        forgotten_stop::tasks,
        3,
        Probe::ready_after(Duration::from_secs(10))
    );
    tasks_outlive(3, calls).await.unwrap();
}

mod red_threads {
    workshop::contract!(
        threads,
        leaky::forgotten_stop::threads,
        [
            nothing_a_call_starts_outlives_it
        ],
        #[ignore = "red: the clauses of the contract leaky breaks; `fixed` keeps them all"]
    );
}
mod red_tasks {
    workshop::contract!(
        tasks,
        leaky::forgotten_stop::tasks,
        [
            nothing_a_call_starts_outlives_it
        ],
        #[ignore = "red: the clauses of the contract leaky breaks; `fixed` keeps them all"]
    );
}
