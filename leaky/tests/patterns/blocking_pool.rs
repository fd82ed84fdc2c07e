//! Blocking pool: the caller's timeout fires, and the blocking loop runs on, on a thread
//! of tokio's blocking pool, where a task count cannot see it.

use std::time::Duration;

use checker::{Options, TaskSnapshot};
use leaky::blocking_pool;
use workshop::contract::blocking::{Background, TICK};
use workshop::expect::threads_outlive;
use workshop::{Probe, TimedOut};

#[test]
fn every_timed_out_call_leaves_a_blocking_thread_looping() {
    threads_outlive(3, "blocking-test", || {
        let runtime = Background::runtime();
        let watcher = blocking_pool::tasks::Watcher::new(
            Probe::never_ready(Duration::ZERO),
            TICK,
        );
        let timeout = Duration::from_millis(5);
        for _ in 0..3 {
            assert_eq!(
                runtime.block_on(watcher.wait_ready(timeout)),
                Err(TimedOut(timeout))
            );
        }
        (watcher, runtime)
    });
}

#[test]
fn a_task_count_does_not_see_the_blocking_jobs() {
    let runtime = Background::runtime();
    runtime.block_on(async {
        let before = TaskSnapshot::take(&tokio::runtime::Handle::current());
        let watcher = blocking_pool::tasks::Watcher::new(
            Probe::never_ready(Duration::ZERO),
            TICK,
        );
        let timeout = Duration::from_millis(5);
        assert_eq!(watcher.wait_ready(timeout).await, Err(TimedOut(timeout)));
        // The loop runs on, and no task is alive: only a thread check sees it.
        before.verify(&Options::default().deadline(Duration::ZERO)).await.unwrap();
    });
}

mod red {
    workshop::contract!(
        blocking,
        leaky::blocking_pool::tasks,
        [
            nothing_a_call_starts_outlives_it
        ],
        #[ignore = "red: the clauses of the contract leaky breaks; `fixed` keeps them all"]
    );
}
