//! The blocked-send fixes, proven: after calls that time out, the checker finds no worker
//! left, for the default fix and for each of the others. Where a fix falls short (a check
//! that never passes), a test shows that too.

use std::time::Duration;

use checker::{Options, TaskSnapshot};
use fixed::blocked_send::{WORKER, tasks, threads};
use workshop::expect::{
    no_task_outlives, no_thread_outlives, tasks_outlive, threads_outlive,
};
use workshop::{Probe, TimedOut};

const fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// Thread flavour: `calls` calls to `wait` that each time out, then the checks may pass.
/// The gate holds every check until the calls are over, so the deadline wins every time
/// however busy the machine is.
fn timed_out_thread_calls(
    calls: usize,
    probe: Probe,
    wait: fn(&threads::Watcher, Duration) -> Result<(), TimedOut>,
) -> threads::Watcher {
    let (probe, gate) = probe.gated();
    let watcher = threads::Watcher::new(probe, ms(1));
    for _ in 0..calls {
        assert_eq!(wait(&watcher, ms(5)), Err(TimedOut(ms(5))));
    }
    gate.open();
    watcher
}

fn ready() -> Probe {
    Probe::ready_after(Duration::ZERO)
}

fn never_ready() -> Probe {
    Probe::never_ready(Duration::ZERO)
}

#[test]
fn the_caller_that_checks_for_itself_leaves_no_thread() {
    no_thread_outlives(|| {
        timed_out_thread_calls(3, ready(), threads::Watcher::wait_ready)
    });
}

#[test]
fn a_buffered_send_lets_the_worker_thread_end() {
    no_thread_outlives(|| {
        timed_out_thread_calls(3, ready(), threads::Watcher::wait_ready_buffered)
    });
}

#[test]
fn a_buffered_send_does_not_end_a_check_that_never_passes() {
    // Where the buffer falls short: the worker never reaches its send, and its ticker loop
    // runs on, as the real code's second leak did.
    threads_outlive(1, WORKER, || {
        timed_out_thread_calls(
            1,
            never_ready(),
            threads::Watcher::wait_ready_buffered,
        )
    });
}

#[test]
fn a_worker_thread_that_selects_on_cancellation_ends() {
    no_thread_outlives(|| {
        timed_out_thread_calls(3, ready(), threads::Watcher::wait_ready_or_cancel)
    });
}

#[test]
fn cancellation_ends_a_worker_thread_whose_check_never_passes() {
    no_thread_outlives(|| {
        timed_out_thread_calls(
            3,
            never_ready(),
            threads::Watcher::wait_ready_or_cancel,
        )
    });
}

#[test]
fn a_drop_aware_worker_thread_ends() {
    no_thread_outlives(|| {
        timed_out_thread_calls(3, ready(), threads::Watcher::wait_ready_drop_aware)
    });
}

#[test]
fn a_drop_aware_worker_thread_ends_even_if_its_check_never_passes() {
    no_thread_outlives(|| {
        timed_out_thread_calls(
            3,
            never_ready(),
            threads::Watcher::wait_ready_drop_aware,
        )
    });
}

#[test]
fn every_thread_fix_still_answers_ready() {
    let watcher = threads::Watcher::new(ready(), ms(1));
    let far = ms(3_600_000);
    assert_eq!(watcher.wait_ready(far), Ok(()));
    assert_eq!(watcher.wait_ready_buffered(far), Ok(()));
    assert_eq!(watcher.wait_ready_or_cancel(far), Ok(()));
    assert_eq!(watcher.wait_ready_drop_aware(far), Ok(()));
}

// The task flavour runs under paused time: the article's 1 s deadline against a 10 s check
// costs no real time, and every instant below is exact.

fn ten_second_check() -> Probe {
    Probe::ready_after(ms(10_000))
}

macro_rules! timed_out_task_calls {
    ($calls:expr, $probe:expr, $method:ident) => {
        async {
            let watcher = tasks::Watcher::new($probe, ms(1_000));
            for _ in 0..$calls {
                assert_eq!(
                    watcher.$method(ms(1_000)).await,
                    Err(TimedOut(ms(1_000)))
                );
            }
            watcher
        }
    };
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn the_caller_that_checks_for_itself_leaves_no_task() {
    no_task_outlives(timed_out_task_calls!(3, ten_second_check(), wait_ready))
        .await;
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn the_caller_that_checks_for_itself_is_back_at_its_deadline() {
    let watcher = tasks::Watcher::new(ten_second_check(), ms(1_000));
    let asked = tokio::time::Instant::now();
    assert!(watcher.wait_ready(ms(1_000)).await.is_err());
    assert_eq!(asked.elapsed(), ms(1_000));
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_buffered_send_lets_the_worker_task_end() {
    no_task_outlives(timed_out_task_calls!(
        3,
        ten_second_check(),
        wait_ready_buffered
    ))
    .await;
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_buffered_send_does_not_end_a_task_whose_check_never_passes() {
    tasks_outlive(
        1,
        timed_out_task_calls!(1, never_ready(), wait_ready_buffered),
    )
    .await;
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_worker_task_that_selects_on_cancellation_ends() {
    no_task_outlives(timed_out_task_calls!(
        3,
        ten_second_check(),
        wait_ready_or_cancel
    ))
    .await;
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn cancellation_stops_a_worker_task_in_the_middle_of_its_check() {
    let before = TaskSnapshot::take(&tokio::runtime::Handle::current());
    let _watcher =
        timed_out_task_calls!(1, ten_second_check(), wait_ready_or_cancel).await;
    // The check in flight has 9 s to go; a millisecond is enough for the task to stop.
    let at_once = Options::default().deadline(ms(1));
    before
        .verify(&at_once)
        .await
        .unwrap_or_else(|r| panic!("{r}"));
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn cancellation_ends_a_worker_task_whose_check_never_passes() {
    no_task_outlives(timed_out_task_calls!(
        3,
        never_ready(),
        wait_ready_or_cancel
    ))
    .await;
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_drop_aware_worker_task_ends() {
    no_task_outlives(timed_out_task_calls!(
        3,
        ten_second_check(),
        wait_ready_drop_aware
    ))
    .await;
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_drop_aware_worker_task_ends_even_if_its_check_never_passes() {
    no_task_outlives(timed_out_task_calls!(
        3,
        never_ready(),
        wait_ready_drop_aware
    ))
    .await;
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn every_task_fix_still_answers_ready() {
    let watcher = tasks::Watcher::new(ten_second_check(), ms(1_000));
    let far = ms(60_000);
    assert_eq!(watcher.wait_ready(far).await, Ok(()));
    assert_eq!(watcher.wait_ready_buffered(far).await, Ok(()));
    assert_eq!(watcher.wait_ready_or_cancel(far).await, Ok(()));
    assert_eq!(watcher.wait_ready_drop_aware(far).await, Ok(()));
}
