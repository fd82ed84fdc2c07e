//! Endless ticker: with a check that never passes, every call leaves a worker ticking
//! forever.

use std::time::Duration;

use leaky::endless_ticker::{self, WORKER};
use workshop::expect::{no_thread_outlives, tasks_outlive, threads_outlive};
use workshop::{Probe, timed_out_task_calls, timed_out_thread_calls};

#[test]
fn every_call_leaves_a_worker_ticking_when_the_check_never_passes() {
    let never = Probe::never_ready(Duration::ZERO);
    threads_outlive(3, WORKER, || {
        timed_out_thread_calls!(endless_ticker::threads, 3, never)
    });
}

#[test]
fn a_check_that_passes_lets_the_worker_end() {
    // The loop's only way out: with a probe that passes, nothing is left.
    let ready = Probe::ready_after(Duration::ZERO);
    no_thread_outlives(|| {
        timed_out_thread_calls!(endless_ticker::threads, 3, ready)
    });
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn every_call_leaves_a_task_ticking_when_the_check_never_passes() {
    let calls = timed_out_task_calls!(
        endless_ticker::tasks,
        3,
        Probe::never_ready(Duration::from_secs(1))
    );
    tasks_outlive(3, calls).await.unwrap();
}

mod red_threads {
    workshop::contract!(
        threads,
        leaky::endless_ticker::threads,
        [
            nothing_a_call_starts_outlives_it
        ],
        #[ignore = "red: the clauses of the contract leaky breaks; `fixed` keeps them all"]
    );
}
mod red_tasks {
    workshop::contract!(
        tasks,
        leaky::endless_ticker::tasks,
        [
            nothing_a_call_starts_outlives_it
        ],
        #[ignore = "red: the clauses of the contract leaky breaks; `fixed` keeps them all"]
    );
}
