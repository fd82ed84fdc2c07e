//! The blocked-send leak, proven: the checker names every worker a timed-out call leaves
//! behind. The tests marked `#[ignore]` are the red versions: the same no-leak checks the
//! `fixed` crate passes, run here so that they fail with the checker's report. Run them
//! with `cargo test -p leaky -- --ignored`.

use std::time::Duration;

use leaky::blocked_send::{WORKER, tasks, threads};
use workshop::expect::{
    no_task_outlives, no_thread_outlives, tasks_outlive, threads_outlive,
};
use workshop::{Probe, TimedOut};

const fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// Thread flavour: `calls` calls that each time out, then the checks may pass. The gate
/// holds every check until the calls are over, so the deadline wins every time however
/// busy the machine is.
fn timed_out_thread_calls(calls: usize) -> threads::Watcher {
    let (probe, gate) = Probe::ready_after(Duration::ZERO).gated();
    let watcher = threads::Watcher::new(probe, ms(1));
    for _ in 0..calls {
        assert_eq!(watcher.wait_ready(ms(5)), Err(TimedOut(ms(5))));
    }
    gate.open();
    watcher
}

/// Task flavour, under paused time: the article's 1 s deadline against a 10 s check.
async fn timed_out_task_calls(calls: usize) -> tasks::Watcher {
    let watcher = tasks::Watcher::new(Probe::ready_after(ms(10_000)), ms(1_000));
    for _ in 0..calls {
        assert_eq!(
            watcher.wait_ready(ms(1_000)).await,
            Err(TimedOut(ms(1_000)))
        );
    }
    watcher
}

#[test]
fn every_timed_out_call_leaves_one_worker_thread_blocked() {
    threads_outlive(3, WORKER, || timed_out_thread_calls(3));
}

#[test]
#[ignore = "red: leaky's workers outlive their callers; `fixed` passes this check"]
fn a_timed_out_call_leaves_no_thread_behind() {
    no_thread_outlives(|| timed_out_thread_calls(3));
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn every_late_answer_after_the_first_leaves_a_task_blocked() {
    // The first late answer fits in the channel's one slot; the other two wait for room.
    tasks_outlive(2, timed_out_task_calls(3)).await;
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_late_answer_left_in_the_slot_fools_the_next_caller() {
    let watcher = timed_out_task_calls(1).await;
    // Long enough for the abandoned worker to finish its check and fill the slot.
    tokio::time::sleep(ms(20_000)).await;
    let asked = tokio::time::Instant::now();
    assert_eq!(watcher.wait_ready(ms(1_000)).await, Ok(()));
    assert_eq!(
        asked.elapsed(),
        Duration::ZERO,
        "a 10 s check cannot pass at once: this answer was meant for the earlier caller"
    );
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
#[ignore = "red: leaky's workers outlive their callers; `fixed` passes this check"]
async fn timed_out_calls_leave_no_task_behind() {
    no_task_outlives(timed_out_task_calls(3)).await;
}
