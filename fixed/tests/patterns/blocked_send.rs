//! Blocked send: after calls that time out, no fix leaves a worker behind or hands an
//! answer to the wrong call. Where a fix falls short (a check that never passes), a test
//! shows that too.

use std::time::Duration;

use checker::{Options, TaskSnapshot};
use fixed::blocked_send::{self, WORKER, buffered, cancel};
use workshop::expect::{tasks_outlive, threads_outlive};
use workshop::{Probe, timed_out_task_calls, timed_out_thread_calls};

mod default_threads {
    workshop::standard_checks!(threads, fixed::blocked_send::threads, ready);
}
mod default_tasks {
    workshop::standard_checks!(tasks, fixed::blocked_send::tasks, ready);
}
mod buffered_threads {
    workshop::standard_checks!(
        threads,
        fixed::blocked_send::buffered::threads,
        ready
    );
}
mod buffered_tasks {
    workshop::standard_checks!(tasks, fixed::blocked_send::buffered::tasks, ready);
}
mod cancel_threads {
    workshop::standard_checks!(
        threads,
        fixed::blocked_send::cancel::threads,
        ready
    );
}
mod cancel_threads_never_ready {
    workshop::leaves_nothing_behind!(
        threads,
        fixed::blocked_send::cancel::threads,
        never_ready
    );
}
mod cancel_tasks {
    workshop::standard_checks!(tasks, fixed::blocked_send::cancel::tasks, ready);
}
mod cancel_tasks_never_ready {
    workshop::leaves_nothing_behind!(
        tasks,
        fixed::blocked_send::cancel::tasks,
        never_ready
    );
}
mod drop_aware_threads {
    workshop::standard_checks!(
        threads,
        fixed::blocked_send::drop_aware::threads,
        ready
    );
}
mod drop_aware_threads_never_ready {
    workshop::leaves_nothing_behind!(
        threads,
        fixed::blocked_send::drop_aware::threads,
        never_ready
    );
}
mod drop_aware_tasks {
    workshop::standard_checks!(
        tasks,
        fixed::blocked_send::drop_aware::tasks,
        ready
    );
}
mod drop_aware_tasks_never_ready {
    workshop::leaves_nothing_behind!(
        tasks,
        fixed::blocked_send::drop_aware::tasks,
        never_ready
    );
}

fn never_ready() -> Probe {
    Probe::never_ready(Duration::ZERO)
}

#[test]
fn a_buffered_send_does_not_end_a_check_that_never_passes() {
    // Where the buffer falls short: the worker never reaches its send, and its ticker loop
    // runs on, as the real code's second leak did.
    threads_outlive(1, WORKER, || {
        timed_out_thread_calls!(buffered::threads, 1, never_ready())
    });
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_buffered_send_does_not_end_a_task_whose_check_never_passes() {
    let calls = timed_out_task_calls!(buffered::tasks, 1, never_ready());
    tasks_outlive(1, calls).await.unwrap();
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn the_caller_that_checks_for_itself_is_back_at_its_deadline() {
    let second = Duration::from_secs(1);
    let watcher =
        blocked_send::tasks::Watcher::new(Probe::ready_after(10 * second), second);
    let asked = tokio::time::Instant::now();
    assert!(watcher.wait_ready(second).await.is_err());
    assert_eq!(asked.elapsed(), second);
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn cancellation_stops_a_worker_task_in_the_middle_of_its_check() {
    let before = TaskSnapshot::take(&tokio::runtime::Handle::current());
    let check = Probe::ready_after(Duration::from_secs(10));
    let _watcher = timed_out_task_calls!(cancel::tasks, 1, check).await;
    // The check in flight has 9 s to go; a millisecond is enough for the task to stop.
    let at_once = Options::default().deadline(Duration::from_millis(1));
    before.verify(&at_once).await.unwrap();
}
