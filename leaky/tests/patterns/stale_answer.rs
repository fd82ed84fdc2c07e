//! Stale answer: nothing leaks; a later call takes an answer meant for an earlier one.

use std::time::Duration;

use leaky::stale_answer;
use workshop::expect::no_thread_outlives;
use workshop::{Probe, timed_out_task_calls, timed_out_thread_calls};

#[test]
fn no_worker_is_left_behind() {
    let ready = Probe::ready_after(Duration::ZERO);
    no_thread_outlives(|| timed_out_thread_calls!(stale_answer::threads, 3, ready));
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_later_call_says_ready_at_once_on_an_earlier_calls_answer() {
    let second = Duration::from_secs(1);
    let watcher = timed_out_task_calls!(
        stale_answer::tasks,
        1,
        Probe::ready_after(10 * second)
    )
    .await;
    // Long enough for the abandoned worker to finish its check and leave its answer.
    tokio::time::sleep(20 * second).await;
    let asked = tokio::time::Instant::now();
    assert_eq!(watcher.wait_ready(second).await, Ok(()));
    assert_eq!(asked.elapsed(), Duration::ZERO, "a 10 s check cannot pass at once");
}

mod red_threads {
    workshop::contract!(
        threads,
        leaky::stale_answer::threads,
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
        leaky::stale_answer::tasks,
        [
            a_call_never_takes_an_answer_meant_for_another,
            nothing_a_call_starts_outlives_it
        ],
        #[ignore = "red: the clauses of the contract leaky breaks; `fixed` keeps them all"]
    );
}
