//! The blocked-send fixes, proven: after calls that time out, the checker finds no worker
//! left, for the default fix and for each of the others. Where a fix falls short (a check
//! that never passes), a test shows that too.

use std::time::Duration;

use checker::{Options, TaskSnapshot};
use fixed::blocked_send::{self, WORKER, buffered, cancel, drop_aware};
use workshop::expect::{
    no_task_outlives, no_thread_outlives, tasks_outlive, threads_outlive,
};
use workshop::{Probe, timed_out_task_calls, timed_out_thread_calls};

fn ready() -> Probe {
    Probe::ready_after(Duration::ZERO)
}

fn never_ready() -> Probe {
    Probe::never_ready(Duration::ZERO)
}

/// The story's check: ten seconds, against the caller's one-second deadline.
fn ten_second_check() -> Probe {
    Probe::ready_after(Duration::from_secs(10))
}

#[test]
fn the_caller_that_checks_for_itself_leaves_no_thread() {
    no_thread_outlives(|| {
        timed_out_thread_calls!(blocked_send::threads, 3, ready())
    });
}

#[test]
fn a_buffered_send_lets_the_worker_thread_end() {
    no_thread_outlives(|| timed_out_thread_calls!(buffered::threads, 3, ready()));
}

#[test]
fn a_buffered_send_does_not_end_a_check_that_never_passes() {
    // Where the buffer falls short: the worker never reaches its send, and its ticker loop
    // runs on, as the real code's second leak did.
    threads_outlive(1, WORKER, || {
        timed_out_thread_calls!(buffered::threads, 1, never_ready())
    });
}

#[test]
fn a_worker_thread_that_selects_on_cancellation_ends() {
    no_thread_outlives(|| timed_out_thread_calls!(cancel::threads, 3, ready()));
}

#[test]
fn cancellation_ends_a_worker_thread_whose_check_never_passes() {
    no_thread_outlives(|| {
        timed_out_thread_calls!(cancel::threads, 3, never_ready())
    });
}

#[test]
fn a_drop_aware_worker_thread_ends() {
    no_thread_outlives(|| timed_out_thread_calls!(drop_aware::threads, 3, ready()));
}

#[test]
fn a_drop_aware_worker_thread_ends_even_if_its_check_never_passes() {
    no_thread_outlives(|| {
        timed_out_thread_calls!(drop_aware::threads, 3, never_ready())
    });
}

#[test]
fn every_thread_fix_still_answers_ready() {
    let tick = Duration::from_millis(1);
    let far = Duration::from_secs(3600);
    assert_eq!(
        blocked_send::threads::Watcher::new(ready(), tick).wait_ready(far),
        Ok(())
    );
    assert_eq!(
        buffered::threads::Watcher::new(ready(), tick).wait_ready(far),
        Ok(())
    );
    assert_eq!(
        cancel::threads::Watcher::new(ready(), tick).wait_ready(far),
        Ok(())
    );
    assert_eq!(
        drop_aware::threads::Watcher::new(ready(), tick).wait_ready(far),
        Ok(())
    );
}

// The task flavour runs under paused time: the story's 1 s deadline against a 10 s check
// costs no real time, and every instant below is exact.

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn the_caller_that_checks_for_itself_leaves_no_task() {
    let calls = timed_out_task_calls!(blocked_send::tasks, 3, ten_second_check());
    no_task_outlives(calls).await.unwrap();
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn the_caller_that_checks_for_itself_is_back_at_its_deadline() {
    let second = Duration::from_secs(1);
    let watcher = blocked_send::tasks::Watcher::new(ten_second_check(), second);
    let asked = tokio::time::Instant::now();
    assert!(watcher.wait_ready(second).await.is_err());
    assert_eq!(asked.elapsed(), second);
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_buffered_send_lets_the_worker_task_end() {
    let calls = timed_out_task_calls!(buffered::tasks, 3, ten_second_check());
    no_task_outlives(calls).await.unwrap();
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_buffered_send_does_not_end_a_task_whose_check_never_passes() {
    let calls = timed_out_task_calls!(buffered::tasks, 1, never_ready());
    tasks_outlive(1, calls).await.unwrap();
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_worker_task_that_selects_on_cancellation_ends() {
    let calls = timed_out_task_calls!(cancel::tasks, 3, ten_second_check());
    no_task_outlives(calls).await.unwrap();
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn cancellation_stops_a_worker_task_in_the_middle_of_its_check() {
    let before = TaskSnapshot::take(&tokio::runtime::Handle::current());
    let _watcher =
        timed_out_task_calls!(cancel::tasks, 1, ten_second_check()).await;
    // The check in flight has 9 s to go; a millisecond is enough for the task to stop.
    let at_once = Options::default().deadline(Duration::from_millis(1));
    before.verify(&at_once).await.unwrap();
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn cancellation_ends_a_worker_task_whose_check_never_passes() {
    let calls = timed_out_task_calls!(cancel::tasks, 3, never_ready());
    no_task_outlives(calls).await.unwrap();
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_drop_aware_worker_task_ends() {
    let calls = timed_out_task_calls!(drop_aware::tasks, 3, ten_second_check());
    no_task_outlives(calls).await.unwrap();
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_drop_aware_worker_task_ends_even_if_its_check_never_passes() {
    let calls = timed_out_task_calls!(drop_aware::tasks, 3, never_ready());
    no_task_outlives(calls).await.unwrap();
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn every_task_fix_still_answers_ready() {
    let (second, far) = (Duration::from_secs(1), Duration::from_secs(60));
    let check = ten_second_check;
    let default = blocked_send::tasks::Watcher::new(check(), second);
    assert_eq!(default.wait_ready(far).await, Ok(()));
    assert_eq!(
        buffered::tasks::Watcher::new(check(), second).wait_ready(far).await,
        Ok(())
    );
    assert_eq!(
        cancel::tasks::Watcher::new(check(), second).wait_ready(far).await,
        Ok(())
    );
    assert_eq!(
        drop_aware::tasks::Watcher::new(check(), second).wait_ready(far).await,
        Ok(())
    );
}
