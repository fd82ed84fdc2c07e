//! The proof that each exercise's check tells right fixes from wrong ones, in one build.
//!
//!     cargo test -p leaky --test wrong_fixes                      # every case
//!     cargo test -p leaky --test wrong_fixes -- blocked_send/threads/wrong/try_send
//!
//! Each wrong fix (`leaky/exercises/PATTERN/wrong/NAME/FLAVOUR.rs`) must fail the clause
//! its `//! Breaks: CLAUSE.` line names; each exercise as shipped (its leaky module) must
//! fail a clause; each solution in `fixed/` and each right fix written differently
//! (`leaky/exercises/PATTERN/right/NAME/FLAVOUR.rs`) must keep every clause. The same for
//! the capstone's server: as shipped it fails its check with the checker's report, each
//! wrong fix (`leaky/capstone/wrong/NAME/server.rs`) fails printing its `//! Caught by:`
//! line, each solution and right fix passes, with clients leaving every way. Every file is
//! a module of this one target, listed below by `cargo run -p workshop-manifest --bin
//! lists` (a stale list fails `cargo test`); nothing is copied over the exercises, so a run
//! that is stopped leaves the tree as it was. Each case runs in a child process of its
//! own, a few at a time: wrong fixes leak on purpose. This target is not part of `cargo
//! test`; CI runs it.

mod proof;

// The capstone's check, as its own check builds it.
#[path = "../../capstone/checks.rs"]
mod checks;

use proof::{Case, Kind, Run};

/// The capstone's check counts the memory its server holds with an allocator of its own.
#[global_allocator]
static ALLOCATOR: checks::Counting = checks::Counting;

fn main() -> std::process::ExitCode {
    proof::main(CASES)
}

// BEGIN GENERATED cases: written from leaky/patterns.toml by `cargo run -p workshop-manifest --bin lists`
#[rustfmt::skip]
#[allow(unreachable_pub)]
#[path = "../../exercises/blocked_send"]
mod blocked_send {
    #[allow(unused_imports)]
    use leaky::blocked_send::*;
    #[path = "../../../fixed/src/blocked_send/threads.rs"]
    pub(crate) mod solution_default_threads;
    #[path = "../../../fixed/src/blocked_send/buffered/threads.rs"]
    pub(crate) mod solution_buffered_threads;
    #[path = "../../../fixed/src/blocked_send/cancel/threads.rs"]
    pub(crate) mod solution_cancel_threads;
    #[path = "../../../fixed/src/blocked_send/drop_aware/threads.rs"]
    pub(crate) mod solution_drop_aware_threads;
    #[path = "right/stop_flag_guard/threads.rs"]
    pub(crate) mod right_stop_flag_guard_threads;
    #[path = "right/stop_flag_slot/threads.rs"]
    pub(crate) mod right_stop_flag_slot_threads;
    #[path = "wrong/bigger_buffer/threads.rs"]
    pub(crate) mod wrong_bigger_buffer_threads;
    #[path = "wrong/buffered_only/threads.rs"]
    pub(crate) mod wrong_buffered_only_threads;
    #[path = "wrong/closed_is_ready/threads.rs"]
    pub(crate) mod wrong_closed_is_ready_threads;
    #[path = "wrong/drain_first/threads.rs"]
    pub(crate) mod wrong_drain_first_threads;
    #[path = "wrong/drop_joins_workers/threads.rs"]
    pub(crate) mod wrong_drop_joins_workers_threads;
    #[path = "wrong/expect_send/threads.rs"]
    pub(crate) mod wrong_expect_send_threads;
    #[path = "wrong/grace_after_deadline/threads.rs"]
    pub(crate) mod wrong_grace_after_deadline_threads;
    #[path = "wrong/join_on_timeout/threads.rs"]
    pub(crate) mod wrong_join_on_timeout_threads;
    #[path = "wrong/join_unbounded_check/threads.rs"]
    pub(crate) mod wrong_join_unbounded_check_threads;
    #[path = "wrong/join_worker/threads.rs"]
    pub(crate) mod wrong_join_worker_threads;
    #[path = "wrong/report_unwrap/threads.rs"]
    pub(crate) mod wrong_report_unwrap_threads;
    #[path = "wrong/shared_worker/threads.rs"]
    pub(crate) mod wrong_shared_worker_threads;
    #[path = "wrong/sleep_before_return/threads.rs"]
    pub(crate) mod wrong_sleep_before_return_threads;
    #[path = "wrong/stop_flag_reset/threads.rs"]
    pub(crate) mod wrong_stop_flag_reset_threads;
    #[path = "wrong/thread_local_channel/threads.rs"]
    pub(crate) mod wrong_thread_local_channel_threads;
    #[path = "wrong/try_send/threads.rs"]
    pub(crate) mod wrong_try_send_threads;
    #[path = "wrong/weak_listener_kept/threads.rs"]
    pub(crate) mod wrong_weak_listener_kept_threads;
    #[path = "wrong/worker_own_timeout/threads.rs"]
    pub(crate) mod wrong_worker_own_timeout_threads;
    #[path = "../../../fixed/src/blocked_send/tasks.rs"]
    pub(crate) mod solution_default_tasks;
    #[path = "../../../fixed/src/blocked_send/buffered/tasks.rs"]
    pub(crate) mod solution_buffered_tasks;
    #[path = "../../../fixed/src/blocked_send/cancel/tasks.rs"]
    pub(crate) mod solution_cancel_tasks;
    #[path = "../../../fixed/src/blocked_send/drop_aware/tasks.rs"]
    pub(crate) mod solution_drop_aware_tasks;
    #[path = "right/abort_on_drop_handle/tasks.rs"]
    pub(crate) mod right_abort_on_drop_handle_tasks;
    #[path = "right/oneshot_abort_on_drop/tasks.rs"]
    pub(crate) mod right_oneshot_abort_on_drop_tasks;
    #[path = "right/watcher_worker/tasks.rs"]
    pub(crate) mod right_watcher_worker_tasks;
    #[path = "wrong/abort_on_timeout/tasks.rs"]
    pub(crate) mod wrong_abort_on_timeout_tasks;
    #[path = "wrong/await_late_answer/tasks.rs"]
    pub(crate) mod wrong_await_late_answer_tasks;
    #[path = "wrong/cancel_on_timeout_only/tasks.rs"]
    pub(crate) mod wrong_cancel_on_timeout_only_tasks;
    #[path = "wrong/closed_is_ready/tasks.rs"]
    pub(crate) mod wrong_closed_is_ready_tasks;
    #[path = "wrong/detached_handle_dropped/tasks.rs"]
    pub(crate) mod wrong_detached_handle_dropped_tasks;
    #[path = "wrong/drain_first/tasks.rs"]
    pub(crate) mod wrong_drain_first_tasks;
    #[path = "wrong/drop_block_on/tasks.rs"]
    pub(crate) mod wrong_drop_block_on_tasks;
    #[path = "wrong/fast_path_check/tasks.rs"]
    pub(crate) mod wrong_fast_path_check_tasks;
    #[path = "wrong/grace_after_deadline/tasks.rs"]
    pub(crate) mod wrong_grace_after_deadline_tasks;
    #[path = "wrong/longer_timeout/tasks.rs"]
    pub(crate) mod wrong_longer_timeout_tasks;
    #[path = "wrong/oneshot_stop_on_watcher/tasks.rs"]
    pub(crate) mod wrong_oneshot_stop_on_watcher_tasks;
    #[path = "wrong/send_unwrap/tasks.rs"]
    pub(crate) mod wrong_send_unwrap_tasks;
    #[path = "wrong/shared_worker/tasks.rs"]
    pub(crate) mod wrong_shared_worker_tasks;
    #[path = "wrong/sleep_before_return/tasks.rs"]
    pub(crate) mod wrong_sleep_before_return_tasks;
    #[path = "wrong/stop_flag_on_watcher/tasks.rs"]
    pub(crate) mod wrong_stop_flag_on_watcher_tasks;
    #[path = "wrong/stop_pattern_on_closed/tasks.rs"]
    pub(crate) mod wrong_stop_pattern_on_closed_tasks;
    #[path = "wrong/thread_local_channel/tasks.rs"]
    pub(crate) mod wrong_thread_local_channel_tasks;
    #[path = "wrong/try_send/tasks.rs"]
    pub(crate) mod wrong_try_send_tasks;
    #[path = "wrong/unbounded/tasks.rs"]
    pub(crate) mod wrong_unbounded_tasks;
    #[path = "wrong/worker_own_timeout/tasks.rs"]
    pub(crate) mod wrong_worker_own_timeout_tasks;
}

#[rustfmt::skip]
#[allow(unreachable_pub)]
#[path = "../../exercises/take_first"]
mod take_first {
    #[allow(unused_imports)]
    use leaky::take_first::*;
    #[path = "../../../fixed/src/take_first/threads.rs"]
    pub(crate) mod solution_default_threads;
    #[path = "../../../fixed/src/take_first/buffered/threads.rs"]
    pub(crate) mod solution_buffered_threads;
    #[path = "right/scope_check_until/threads.rs"]
    pub(crate) mod right_scope_check_until_threads;
    #[path = "right/scoped_replicas/threads.rs"]
    pub(crate) mod right_scoped_replicas_threads;
    #[path = "wrong/answered_flag_no_deadline/threads.rs"]
    pub(crate) mod wrong_answered_flag_no_deadline_threads;
    #[path = "wrong/buffered_only/threads.rs"]
    pub(crate) mod wrong_buffered_only_threads;
    #[path = "wrong/cancel_sender_on_watcher/threads.rs"]
    pub(crate) mod wrong_cancel_sender_on_watcher_threads;
    #[path = "wrong/closed_is_ready/threads.rs"]
    pub(crate) mod wrong_closed_is_ready_threads;
    #[path = "wrong/deadline_plus_grace/threads.rs"]
    pub(crate) mod wrong_deadline_plus_grace_threads;
    #[path = "wrong/drain_after_answer/threads.rs"]
    pub(crate) mod wrong_drain_after_answer_threads;
    #[path = "wrong/drop_joins_workers/threads.rs"]
    pub(crate) mod wrong_drop_joins_workers_threads;
    #[path = "wrong/join_replicas/threads.rs"]
    pub(crate) mod wrong_join_replicas_threads;
    #[path = "wrong/join_replicas_on_return/threads.rs"]
    pub(crate) mod wrong_join_replicas_on_return_threads;
    #[path = "wrong/one_call_at_a_time/threads.rs"]
    pub(crate) mod wrong_one_call_at_a_time_threads;
    #[path = "wrong/one_stop_message/threads.rs"]
    pub(crate) mod wrong_one_stop_message_threads;
    #[path = "wrong/room_for_every_replica/threads.rs"]
    pub(crate) mod wrong_room_for_every_replica_threads;
    #[path = "wrong/send_unwrap/threads.rs"]
    pub(crate) mod wrong_send_unwrap_threads;
    #[path = "wrong/shared_answered_flag/threads.rs"]
    pub(crate) mod wrong_shared_answered_flag_threads;
    #[path = "wrong/shared_worker/threads.rs"]
    pub(crate) mod wrong_shared_worker_threads;
    #[path = "wrong/thread_local_channel/threads.rs"]
    pub(crate) mod wrong_thread_local_channel_threads;
    #[path = "wrong/try_send/threads.rs"]
    pub(crate) mod wrong_try_send_threads;
    #[path = "../../../fixed/src/take_first/tasks.rs"]
    pub(crate) mod solution_default_tasks;
    #[path = "../../../fixed/src/take_first/buffered/tasks.rs"]
    pub(crate) mod solution_buffered_tasks;
    #[path = "right/abort_on_drop_mpsc/tasks.rs"]
    pub(crate) mod right_abort_on_drop_mpsc_tasks;
    #[path = "right/abort_on_drop_vec/tasks.rs"]
    pub(crate) mod right_abort_on_drop_vec_tasks;
    #[path = "right/raced_in_the_call/tasks.rs"]
    pub(crate) mod right_raced_in_the_call_tasks;
    #[path = "right/weak_liveness/tasks.rs"]
    pub(crate) mod right_weak_liveness_tasks;
    #[path = "wrong/abort_on_timeout/tasks.rs"]
    pub(crate) mod wrong_abort_on_timeout_tasks;
    #[path = "wrong/abort_on_timeout_only/tasks.rs"]
    pub(crate) mod wrong_abort_on_timeout_only_tasks;
    #[path = "wrong/answers_kept_on_watcher/tasks.rs"]
    pub(crate) mod wrong_answers_kept_on_watcher_tasks;
    #[path = "wrong/buffered_only/tasks.rs"]
    pub(crate) mod wrong_buffered_only_tasks;
    #[path = "wrong/closed_is_ready/tasks.rs"]
    pub(crate) mod wrong_closed_is_ready_tasks;
    #[path = "wrong/detach_all/tasks.rs"]
    pub(crate) mod wrong_detach_all_tasks;
    #[path = "wrong/drop_block_in_place/tasks.rs"]
    pub(crate) mod wrong_drop_block_in_place_tasks;
    #[path = "wrong/joinset_detach_all/tasks.rs"]
    pub(crate) mod wrong_joinset_detach_all_tasks;
    #[path = "wrong/longer_timeout/tasks.rs"]
    pub(crate) mod wrong_longer_timeout_tasks;
    #[path = "wrong/one_call_at_a_time/tasks.rs"]
    pub(crate) mod wrong_one_call_at_a_time_tasks;
    #[path = "wrong/room_for_every_replica/tasks.rs"]
    pub(crate) mod wrong_room_for_every_replica_tasks;
    #[path = "wrong/send_unwrap/tasks.rs"]
    pub(crate) mod wrong_send_unwrap_tasks;
    #[path = "wrong/shared_worker/tasks.rs"]
    pub(crate) mod wrong_shared_worker_tasks;
    #[path = "wrong/sibling_tokens/tasks.rs"]
    pub(crate) mod wrong_sibling_tokens_tasks;
    #[path = "wrong/stop_at_deadline/tasks.rs"]
    pub(crate) mod wrong_stop_at_deadline_tasks;
    #[path = "wrong/task_tracker/tasks.rs"]
    pub(crate) mod wrong_task_tracker_tasks;
    #[path = "wrong/thread_local_channel/tasks.rs"]
    pub(crate) mod wrong_thread_local_channel_tasks;
    #[path = "wrong/watch_ready_on_watcher/tasks.rs"]
    pub(crate) mod wrong_watch_ready_on_watcher_tasks;
}

#[rustfmt::skip]
#[allow(unreachable_pub)]
#[path = "../../exercises/double_send"]
mod double_send {
    #[allow(unused_imports)]
    use leaky::double_send::*;
    #[path = "../../../fixed/src/double_send/threads.rs"]
    pub(crate) mod solution_default_threads;
    #[path = "../../../fixed/src/double_send/buffered/threads.rs"]
    pub(crate) mod solution_buffered_threads;
    #[path = "../../../fixed/src/double_send/drop_aware/threads.rs"]
    pub(crate) mod solution_drop_aware_threads;
    #[path = "right/scope_two_reports/threads.rs"]
    pub(crate) mod right_scope_two_reports_threads;
    #[path = "right/scoped_reports/threads.rs"]
    pub(crate) mod right_scoped_reports_threads;
    #[path = "wrong/any_report_is_ready/threads.rs"]
    pub(crate) mod wrong_any_report_is_ready_threads;
    #[path = "wrong/channel_per_call/threads.rs"]
    pub(crate) mod wrong_channel_per_call_threads;
    #[path = "wrong/deadline_once_per_watcher/threads.rs"]
    pub(crate) mod wrong_deadline_once_per_watcher_threads;
    #[path = "wrong/drop_joins_workers/threads.rs"]
    pub(crate) mod wrong_drop_joins_workers_threads;
    #[path = "wrong/first_report_no_deadline/threads.rs"]
    pub(crate) mod wrong_first_report_no_deadline_threads;
    #[path = "wrong/join_worker/threads.rs"]
    pub(crate) mod wrong_join_worker_threads;
    #[path = "wrong/one_call_at_a_time/threads.rs"]
    pub(crate) mod wrong_one_call_at_a_time_threads;
    #[path = "wrong/read_until_ready/threads.rs"]
    pub(crate) mod wrong_read_until_ready_threads;
    #[path = "wrong/report_expect/threads.rs"]
    pub(crate) mod wrong_report_expect_threads;
    #[path = "wrong/room_for_both/threads.rs"]
    pub(crate) mod wrong_room_for_both_threads;
    #[path = "wrong/room_for_both_no_deadline/threads.rs"]
    pub(crate) mod wrong_room_for_both_no_deadline_threads;
    #[path = "wrong/shared_worker/threads.rs"]
    pub(crate) mod wrong_shared_worker_threads;
    #[path = "wrong/stop_flag_on_watcher/threads.rs"]
    pub(crate) mod wrong_stop_flag_on_watcher_threads;
    #[path = "wrong/thread_local_channel/threads.rs"]
    pub(crate) mod wrong_thread_local_channel_threads;
    #[path = "wrong/try_send/threads.rs"]
    pub(crate) mod wrong_try_send_threads;
    #[path = "wrong/worker_check_cap/threads.rs"]
    pub(crate) mod wrong_worker_check_cap_threads;
    #[path = "../../../fixed/src/double_send/tasks.rs"]
    pub(crate) mod solution_default_tasks;
    #[path = "../../../fixed/src/double_send/buffered/tasks.rs"]
    pub(crate) mod solution_buffered_tasks;
    #[path = "../../../fixed/src/double_send/drop_aware/tasks.rs"]
    pub(crate) mod solution_drop_aware_tasks;
    #[path = "right/mpsc_closed_select/tasks.rs"]
    pub(crate) mod right_mpsc_closed_select_tasks;
    #[path = "right/sender_closed_future/tasks.rs"]
    pub(crate) mod right_sender_closed_future_tasks;
    #[path = "wrong/abort_on_timeout/tasks.rs"]
    pub(crate) mod wrong_abort_on_timeout_tasks;
    #[path = "wrong/await_worker/tasks.rs"]
    pub(crate) mod wrong_await_worker_tasks;
    #[path = "wrong/cancel_before_each_return/tasks.rs"]
    pub(crate) mod wrong_cancel_before_each_return_tasks;
    #[path = "wrong/check_cap/tasks.rs"]
    pub(crate) mod wrong_check_cap_tasks;
    #[path = "wrong/drop_block_on/tasks.rs"]
    pub(crate) mod wrong_drop_block_on_tasks;
    #[path = "wrong/first_report_no_deadline/tasks.rs"]
    pub(crate) mod wrong_first_report_no_deadline_tasks;
    #[path = "wrong/grace_after_deadline/tasks.rs"]
    pub(crate) mod wrong_grace_after_deadline_tasks;
    #[path = "wrong/latest_report_on_watch/tasks.rs"]
    pub(crate) mod wrong_latest_report_on_watch_tasks;
    #[path = "wrong/read_until_ready/tasks.rs"]
    pub(crate) mod wrong_read_until_ready_tasks;
    #[path = "wrong/ready_flag_on_watcher/tasks.rs"]
    pub(crate) mod wrong_ready_flag_on_watcher_tasks;
    #[path = "wrong/room_for_both/tasks.rs"]
    pub(crate) mod wrong_room_for_both_tasks;
    #[path = "wrong/second_report_is_the_answer/tasks.rs"]
    pub(crate) mod wrong_second_report_is_the_answer_tasks;
    #[path = "wrong/select_pattern_disables_branch/tasks.rs"]
    pub(crate) mod wrong_select_pattern_disables_branch_tasks;
    #[path = "wrong/send_unwrap/tasks.rs"]
    pub(crate) mod wrong_send_unwrap_tasks;
    #[path = "wrong/shared_worker/tasks.rs"]
    pub(crate) mod wrong_shared_worker_tasks;
    #[path = "wrong/std_clock_in_task/tasks.rs"]
    pub(crate) mod wrong_std_clock_in_task_tasks;
    #[path = "wrong/thread_local_channel/tasks.rs"]
    pub(crate) mod wrong_thread_local_channel_tasks;
    #[path = "wrong/try_send/tasks.rs"]
    pub(crate) mod wrong_try_send_tasks;
}

#[rustfmt::skip]
#[allow(unreachable_pub)]
#[path = "../../exercises/endless_ticker"]
mod endless_ticker {
    #[allow(unused_imports)]
    use leaky::endless_ticker::*;
    #[path = "../../../fixed/src/endless_ticker/threads.rs"]
    pub(crate) mod solution_default_threads;
    #[path = "../../../fixed/src/endless_ticker/closed/threads.rs"]
    pub(crate) mod solution_closed_threads;
    #[path = "right/condvar_per_call/threads.rs"]
    pub(crate) mod right_condvar_per_call_threads;
    #[path = "right/watcher_worker/threads.rs"]
    pub(crate) mod right_watcher_worker_threads;
    #[path = "wrong/check_cap/threads.rs"]
    pub(crate) mod wrong_check_cap_threads;
    #[path = "wrong/closed_is_ready/threads.rs"]
    pub(crate) mod wrong_closed_is_ready_threads;
    #[path = "wrong/deadline_for_the_check/threads.rs"]
    pub(crate) mod wrong_deadline_for_the_check_threads;
    #[path = "wrong/drop_joins_workers/threads.rs"]
    pub(crate) mod wrong_drop_joins_workers_threads;
    #[path = "wrong/flag_after_pass/threads.rs"]
    pub(crate) mod wrong_flag_after_pass_threads;
    #[path = "wrong/flag_never_read/threads.rs"]
    pub(crate) mod wrong_flag_never_read_threads;
    #[path = "wrong/gives_up_a_tick_early/threads.rs"]
    pub(crate) mod wrong_gives_up_a_tick_early_threads;
    #[path = "wrong/join_worker/threads.rs"]
    pub(crate) mod wrong_join_worker_threads;
    #[path = "wrong/keep_handle/threads.rs"]
    pub(crate) mod wrong_keep_handle_threads;
    #[path = "wrong/one_call_at_a_time/threads.rs"]
    pub(crate) mod wrong_one_call_at_a_time_threads;
    #[path = "wrong/one_check/threads.rs"]
    pub(crate) mod wrong_one_check_threads;
    #[path = "wrong/scope_join_check/threads.rs"]
    pub(crate) mod wrong_scope_join_check_threads;
    #[path = "wrong/send_unwrap/threads.rs"]
    pub(crate) mod wrong_send_unwrap_threads;
    #[path = "wrong/shared_worker_latecomers/threads.rs"]
    pub(crate) mod wrong_shared_worker_latecomers_threads;
    #[path = "wrong/stop_when_nobody_waits/threads.rs"]
    pub(crate) mod wrong_stop_when_nobody_waits_threads;
    #[path = "wrong/thread_local_stop/threads.rs"]
    pub(crate) mod wrong_thread_local_stop_threads;
    #[path = "wrong/worker_reused_through_mutex/threads.rs"]
    pub(crate) mod wrong_worker_reused_through_mutex_threads;
    #[path = "../../../fixed/src/endless_ticker/tasks.rs"]
    pub(crate) mod solution_default_tasks;
    #[path = "../../../fixed/src/endless_ticker/closed/tasks.rs"]
    pub(crate) mod solution_closed_tasks;
    #[path = "right/closed_receiver_ends_it/tasks.rs"]
    pub(crate) mod right_closed_receiver_ends_it_tasks;
    #[path = "right/watch_cancel/tasks.rs"]
    pub(crate) mod right_watch_cancel_tasks;
    #[path = "wrong/abort_after_the_await/tasks.rs"]
    pub(crate) mod wrong_abort_after_the_await_tasks;
    #[path = "wrong/answer_cached_for_a_tick/tasks.rs"]
    pub(crate) mod wrong_answer_cached_for_a_tick_tasks;
    #[path = "wrong/await_worker/tasks.rs"]
    pub(crate) mod wrong_await_worker_tasks;
    #[path = "wrong/cancel_on_timeout/tasks.rs"]
    pub(crate) mod wrong_cancel_on_timeout_tasks;
    #[path = "wrong/closed_is_ready/tasks.rs"]
    pub(crate) mod wrong_closed_is_ready_tasks;
    #[path = "wrong/drop_block_on/tasks.rs"]
    pub(crate) mod wrong_drop_block_on_tasks;
    #[path = "wrong/drop_guard_discarded/tasks.rs"]
    pub(crate) mod wrong_drop_guard_discarded_tasks;
    #[path = "wrong/drop_handle/tasks.rs"]
    pub(crate) mod wrong_drop_handle_tasks;
    #[path = "wrong/drop_spawns_the_reaper/tasks.rs"]
    pub(crate) mod wrong_drop_spawns_the_reaper_tasks;
    #[path = "wrong/dropped_token_not_cancelled/tasks.rs"]
    pub(crate) mod wrong_dropped_token_not_cancelled_tasks;
    #[path = "wrong/flag_after_pass/tasks.rs"]
    pub(crate) mod wrong_flag_after_pass_tasks;
    #[path = "wrong/generous_cap/tasks.rs"]
    pub(crate) mod wrong_generous_cap_tasks;
    #[path = "wrong/grace_after_deadline/tasks.rs"]
    pub(crate) mod wrong_grace_after_deadline_tasks;
    #[path = "wrong/longer_timeout/tasks.rs"]
    pub(crate) mod wrong_longer_timeout_tasks;
    #[path = "wrong/notify_waiters_stop/tasks.rs"]
    pub(crate) mod wrong_notify_waiters_stop_tasks;
    #[path = "wrong/one_check/tasks.rs"]
    pub(crate) mod wrong_one_check_tasks;
    #[path = "wrong/send_unwrap/tasks.rs"]
    pub(crate) mod wrong_send_unwrap_tasks;
    #[path = "wrong/shared_worker/tasks.rs"]
    pub(crate) mod wrong_shared_worker_tasks;
    #[path = "wrong/thread_local_stop/tasks.rs"]
    pub(crate) mod wrong_thread_local_stop_tasks;
}

#[rustfmt::skip]
#[allow(unreachable_pub)]
#[path = "../../exercises/unclosed_channel"]
mod unclosed_channel {
    #[allow(unused_imports)]
    use leaky::unclosed_channel::*;
    #[path = "../../../fixed/src/unclosed_channel/threads.rs"]
    pub(crate) mod solution_default_threads;
    #[path = "../../../fixed/src/unclosed_channel/weak_sender/threads.rs"]
    pub(crate) mod solution_weak_sender_threads;
    #[path = "../../../fixed/src/unclosed_channel/shutdown/threads.rs"]
    pub(crate) mod solution_shutdown_threads;
    #[path = "right/retry_timer_biased/threads.rs"]
    pub(crate) mod right_retry_timer_biased_threads;
    #[path = "right/select_cancel/threads.rs"]
    pub(crate) mod right_select_cancel_threads;
    #[path = "wrong/answer_unwrap/threads.rs"]
    pub(crate) mod wrong_answer_unwrap_threads;
    #[path = "wrong/bigger_queue/threads.rs"]
    pub(crate) mod wrong_bigger_queue_threads;
    #[path = "wrong/deadline_exit_on_request/threads.rs"]
    pub(crate) mod wrong_deadline_exit_on_request_threads;
    #[path = "wrong/drop_call_sender/threads.rs"]
    pub(crate) mod wrong_drop_call_sender_threads;
    #[path = "wrong/drop_joins_workers/threads.rs"]
    pub(crate) mod wrong_drop_joins_workers_threads;
    #[path = "wrong/grace_after_deadline/threads.rs"]
    pub(crate) mod wrong_grace_after_deadline_threads;
    #[path = "wrong/join_worker/threads.rs"]
    pub(crate) mod wrong_join_worker_threads;
    #[path = "wrong/rendezvous_shutdown_message/threads.rs"]
    pub(crate) mod wrong_rendezvous_shutdown_message_threads;
    #[path = "wrong/requests_sent_blocking/threads.rs"]
    pub(crate) mod wrong_requests_sent_blocking_threads;
    #[path = "wrong/return_on_ready/threads.rs"]
    pub(crate) mod wrong_return_on_ready_threads;
    #[path = "wrong/stop_flag_on_watcher/threads.rs"]
    pub(crate) mod wrong_stop_flag_on_watcher_threads;
    #[path = "wrong/thread_local_answer/threads.rs"]
    pub(crate) mod wrong_thread_local_answer_threads;
    #[path = "wrong/weak_upgraded_and_kept/threads.rs"]
    pub(crate) mod wrong_weak_upgraded_and_kept_threads;
    #[path = "wrong/worker_in_watcher/threads.rs"]
    pub(crate) mod wrong_worker_in_watcher_threads;
    #[path = "../../../fixed/src/unclosed_channel/tasks.rs"]
    pub(crate) mod solution_default_tasks;
    #[path = "../../../fixed/src/unclosed_channel/weak_sender/tasks.rs"]
    pub(crate) mod solution_weak_sender_tasks;
    #[path = "../../../fixed/src/unclosed_channel/shutdown/tasks.rs"]
    pub(crate) mod solution_shutdown_tasks;
    #[path = "right/abort_guard/tasks.rs"]
    pub(crate) mod right_abort_guard_tasks;
    #[path = "right/close_on_drop/tasks.rs"]
    pub(crate) mod right_close_on_drop_tasks;
    #[path = "wrong/answer_channel_closed/tasks.rs"]
    pub(crate) mod wrong_answer_channel_closed_tasks;
    #[path = "wrong/await_worker/tasks.rs"]
    pub(crate) mod wrong_await_worker_tasks;
    #[path = "wrong/close_on_ok_only/tasks.rs"]
    pub(crate) mod wrong_close_on_ok_only_tasks;
    #[path = "wrong/close_on_return/tasks.rs"]
    pub(crate) mod wrong_close_on_return_tasks;
    #[path = "wrong/drop_call_sender/tasks.rs"]
    pub(crate) mod wrong_drop_call_sender_tasks;
    #[path = "wrong/drop_waits_on_a_thread/tasks.rs"]
    pub(crate) mod wrong_drop_waits_on_a_thread_tasks;
    #[path = "wrong/one_call_at_a_time/tasks.rs"]
    pub(crate) mod wrong_one_call_at_a_time_tasks;
    #[path = "wrong/one_server_per_watcher/tasks.rs"]
    pub(crate) mod wrong_one_server_per_watcher_tasks;
    #[path = "wrong/retry_cap/tasks.rs"]
    pub(crate) mod wrong_retry_cap_tasks;
    #[path = "wrong/retry_loop_inside/tasks.rs"]
    pub(crate) mod wrong_retry_loop_inside_tasks;
    #[path = "wrong/return_on_ready/tasks.rs"]
    pub(crate) mod wrong_return_on_ready_tasks;
    #[path = "wrong/send_unwrap/tasks.rs"]
    pub(crate) mod wrong_send_unwrap_tasks;
    #[path = "wrong/shared_server/tasks.rs"]
    pub(crate) mod wrong_shared_server_tasks;
    #[path = "wrong/stop_flag_on_watcher/tasks.rs"]
    pub(crate) mod wrong_stop_flag_on_watcher_tasks;
    #[path = "wrong/thread_local_answer/tasks.rs"]
    pub(crate) mod wrong_thread_local_answer_tasks;
    #[path = "wrong/weak_upgraded_once/tasks.rs"]
    pub(crate) mod wrong_weak_upgraded_once_tasks;
}

#[rustfmt::skip]
#[allow(unreachable_pub)]
#[path = "../../exercises/forgotten_stop"]
mod forgotten_stop {
    #[allow(unused_imports)]
    use leaky::forgotten_stop::*;
    #[path = "../../../fixed/src/forgotten_stop/threads.rs"]
    pub(crate) mod solution_default_threads;
    #[path = "right/drop_raises_flag_only/threads.rs"]
    pub(crate) mod right_drop_raises_flag_only_threads;
    #[path = "right/stop_channel_drop/threads.rs"]
    pub(crate) mod right_stop_channel_drop_threads;
    #[path = "wrong/drop_after_stop_panics/threads.rs"]
    pub(crate) mod wrong_drop_after_stop_panics_threads;
    #[path = "wrong/drop_joins_an_unbounded_check/threads.rs"]
    pub(crate) mod wrong_drop_joins_an_unbounded_check_threads;
    #[path = "wrong/drop_joins_pollers/threads.rs"]
    pub(crate) mod wrong_drop_joins_pollers_threads;
    #[path = "wrong/drop_poller/threads.rs"]
    pub(crate) mod wrong_drop_poller_threads;
    #[path = "wrong/join_without_stop/threads.rs"]
    pub(crate) mod wrong_join_without_stop_threads;
    #[path = "wrong/last_chance_wait/threads.rs"]
    pub(crate) mod wrong_last_chance_wait_threads;
    #[path = "wrong/poller_on_watcher/threads.rs"]
    pub(crate) mod wrong_poller_on_watcher_threads;
    #[path = "wrong/poller_own_timeout/threads.rs"]
    pub(crate) mod wrong_poller_own_timeout_threads;
    #[path = "wrong/ready_flag_on_the_watcher/threads.rs"]
    pub(crate) mod wrong_ready_flag_on_the_watcher_threads;
    #[path = "wrong/sleep_before_return/threads.rs"]
    pub(crate) mod wrong_sleep_before_return_threads;
    #[path = "wrong/stop_flag_on_watcher/threads.rs"]
    pub(crate) mod wrong_stop_flag_on_watcher_threads;
    #[path = "wrong/stop_on_timeout_only/threads.rs"]
    pub(crate) mod wrong_stop_on_timeout_only_threads;
    #[path = "wrong/thread_local_poller/threads.rs"]
    pub(crate) mod wrong_thread_local_poller_threads;
    #[path = "wrong/weak_flag_expect/threads.rs"]
    pub(crate) mod wrong_weak_flag_expect_threads;
    #[path = "../../../fixed/src/forgotten_stop/tasks.rs"]
    pub(crate) mod solution_default_tasks;
    #[path = "right/cooperative_flag/tasks.rs"]
    pub(crate) mod right_cooperative_flag_tasks;
    #[path = "right/flag_instead_of_abort/tasks.rs"]
    pub(crate) mod right_flag_instead_of_abort_tasks;
    #[path = "right/poller_token/tasks.rs"]
    pub(crate) mod right_poller_token_tasks;
    #[path = "wrong/abort_all_on_return/tasks.rs"]
    pub(crate) mod wrong_abort_all_on_return_tasks;
    #[path = "wrong/arc_cycle_keeps_poller/tasks.rs"]
    pub(crate) mod wrong_arc_cycle_keeps_poller_tasks;
    #[path = "wrong/await_without_stop/tasks.rs"]
    pub(crate) mod wrong_await_without_stop_tasks;
    #[path = "wrong/deadline_read_before_flag/tasks.rs"]
    pub(crate) mod wrong_deadline_read_before_flag_tasks;
    #[path = "wrong/drop_block_on/tasks.rs"]
    pub(crate) mod wrong_drop_block_on_tasks;
    #[path = "wrong/drop_blocks_in_place/tasks.rs"]
    pub(crate) mod wrong_drop_blocks_in_place_tasks;
    #[path = "wrong/drop_poller/tasks.rs"]
    pub(crate) mod wrong_drop_poller_tasks;
    #[path = "wrong/grace_after_deadline/tasks.rs"]
    pub(crate) mod wrong_grace_after_deadline_tasks;
    #[path = "wrong/poller_kept_for_next_call/tasks.rs"]
    pub(crate) mod wrong_poller_kept_for_next_call_tasks;
    #[path = "wrong/poller_own_timeout/tasks.rs"]
    pub(crate) mod wrong_poller_own_timeout_tasks;
    #[path = "wrong/poller_shared_watch/tasks.rs"]
    pub(crate) mod wrong_poller_shared_watch_tasks;
    #[path = "wrong/stop_before_every_return/tasks.rs"]
    pub(crate) mod wrong_stop_before_every_return_tasks;
    #[path = "wrong/stop_on_every_return/tasks.rs"]
    pub(crate) mod wrong_stop_on_every_return_tasks;
    #[path = "wrong/stop_on_timeout_only/tasks.rs"]
    pub(crate) mod wrong_stop_on_timeout_only_tasks;
    #[path = "wrong/weak_flag_expect/tasks.rs"]
    pub(crate) mod wrong_weak_flag_expect_tasks;
}

#[rustfmt::skip]
#[allow(unreachable_pub)]
#[path = "../../exercises/detached_handle"]
mod detached_handle {
    #[allow(unused_imports)]
    use leaky::detached_handle::*;
    #[path = "../../../fixed/src/detached_handle/threads.rs"]
    pub(crate) mod solution_default_threads;
    #[path = "../../../fixed/src/detached_handle/cancel_and_wait/threads.rs"]
    pub(crate) mod solution_cancel_and_wait_threads;
    #[path = "right/scope_cancel_select/threads.rs"]
    pub(crate) mod right_scope_cancel_select_threads;
    #[path = "wrong/drop_joins_monitors/threads.rs"]
    pub(crate) mod wrong_drop_joins_monitors_threads;
    #[path = "wrong/flag_never_read/threads.rs"]
    pub(crate) mod wrong_flag_never_read_threads;
    #[path = "wrong/forget_handle/threads.rs"]
    pub(crate) mod wrong_forget_handle_threads;
    #[path = "wrong/guard_forgotten_on_success/threads.rs"]
    pub(crate) mod wrong_guard_forgotten_on_success_threads;
    #[path = "wrong/handle_in_field/threads.rs"]
    pub(crate) mod wrong_handle_in_field_threads;
    #[path = "wrong/handles_joined_when_watcher_drops/threads.rs"]
    pub(crate) mod wrong_handles_joined_when_watcher_drops_threads;
    #[path = "wrong/handles_on_watcher/threads.rs"]
    pub(crate) mod wrong_handles_on_watcher_threads;
    #[path = "wrong/join_monitor/threads.rs"]
    pub(crate) mod wrong_join_monitor_threads;
    #[path = "wrong/monitor_ends_when_ready/threads.rs"]
    pub(crate) mod wrong_monitor_ends_when_ready_threads;
    #[path = "wrong/one_monitor_at_a_time/threads.rs"]
    pub(crate) mod wrong_one_monitor_at_a_time_threads;
    #[path = "wrong/shared_monitor/threads.rs"]
    pub(crate) mod wrong_shared_monitor_threads;
    #[path = "wrong/stop_at_deadline/threads.rs"]
    pub(crate) mod wrong_stop_at_deadline_threads;
    #[path = "wrong/stop_flag_on_watcher/threads.rs"]
    pub(crate) mod wrong_stop_flag_on_watcher_threads;
    #[path = "wrong/thread_local_handle/threads.rs"]
    pub(crate) mod wrong_thread_local_handle_threads;
    #[path = "wrong/weak_flag_expect/threads.rs"]
    pub(crate) mod wrong_weak_flag_expect_threads;
    #[path = "../../../fixed/src/detached_handle/tasks.rs"]
    pub(crate) mod solution_default_tasks;
    #[path = "../../../fixed/src/detached_handle/cancel_and_wait/tasks.rs"]
    pub(crate) mod solution_cancel_and_wait_tasks;
    #[path = "right/abort_on_drop_handle/tasks.rs"]
    pub(crate) mod right_abort_on_drop_handle_tasks;
    #[path = "right/monitor_raced_in_the_call/tasks.rs"]
    pub(crate) mod right_monitor_raced_in_the_call_tasks;
    #[path = "right/select_in_call/tasks.rs"]
    pub(crate) mod right_select_in_call_tasks;
    #[path = "wrong/abort_all_on_return/tasks.rs"]
    pub(crate) mod wrong_abort_all_on_return_tasks;
    #[path = "wrong/abort_handle_kept/tasks.rs"]
    pub(crate) mod wrong_abort_handle_kept_tasks;
    #[path = "wrong/abort_on_timeout/tasks.rs"]
    pub(crate) mod wrong_abort_on_timeout_tasks;
    #[path = "wrong/await_monitor/tasks.rs"]
    pub(crate) mod wrong_await_monitor_tasks;
    #[path = "wrong/drop_waits_for_monitors/tasks.rs"]
    pub(crate) mod wrong_drop_waits_for_monitors_tasks;
    #[path = "wrong/handle_in_field/tasks.rs"]
    pub(crate) mod wrong_handle_in_field_tasks;
    #[path = "wrong/join_set_in_watcher/tasks.rs"]
    pub(crate) mod wrong_join_set_in_watcher_tasks;
    #[path = "wrong/join_set_on_the_watcher/tasks.rs"]
    pub(crate) mod wrong_join_set_on_the_watcher_tasks;
    #[path = "wrong/monitor_ends_when_ready/tasks.rs"]
    pub(crate) mod wrong_monitor_ends_when_ready_tasks;
    #[path = "wrong/one_monitor_at_a_time/tasks.rs"]
    pub(crate) mod wrong_one_monitor_at_a_time_tasks;
    #[path = "wrong/one_monitor_per_watcher/tasks.rs"]
    pub(crate) mod wrong_one_monitor_per_watcher_tasks;
    #[path = "wrong/shared_monitor/tasks.rs"]
    pub(crate) mod wrong_shared_monitor_tasks;
    #[path = "wrong/stop_at_deadline/tasks.rs"]
    pub(crate) mod wrong_stop_at_deadline_tasks;
    #[path = "wrong/task_tracker/tasks.rs"]
    pub(crate) mod wrong_task_tracker_tasks;
    #[path = "wrong/thread_local_handle/tasks.rs"]
    pub(crate) mod wrong_thread_local_handle_tasks;
    #[path = "wrong/tracker_waits_a_tick/tasks.rs"]
    pub(crate) mod wrong_tracker_waits_a_tick_tasks;
    #[path = "wrong/tracker_waits_for_check/tasks.rs"]
    pub(crate) mod wrong_tracker_waits_for_check_tasks;
    #[path = "wrong/weak_flag_expect/tasks.rs"]
    pub(crate) mod wrong_weak_flag_expect_tasks;
}

#[rustfmt::skip]
#[allow(unreachable_pub)]
#[path = "../../exercises/blocking_pool"]
mod blocking_pool {
    #[allow(unused_imports)]
    use leaky::blocking_pool::*;
    #[path = "../../../fixed/src/blocking_pool/tasks.rs"]
    pub(crate) mod solution_default_tasks;
    #[path = "right/flag_on_tokio_pool/tasks.rs"]
    pub(crate) mod right_flag_on_tokio_pool_tasks;
    #[path = "right/job_carries_the_deadline/tasks.rs"]
    pub(crate) mod right_job_carries_the_deadline_tasks;
    #[path = "right/own_pool_cancel_channel/tasks.rs"]
    pub(crate) mod right_own_pool_cancel_channel_tasks;
    #[path = "right/plain_thread_oneshot/tasks.rs"]
    pub(crate) mod right_plain_thread_oneshot_tasks;
    #[path = "right/thread_per_call/tasks.rs"]
    pub(crate) mod right_thread_per_call_tasks;
    #[path = "wrong/abort_on_timeout/tasks.rs"]
    pub(crate) mod wrong_abort_on_timeout_tasks;
    #[path = "wrong/abort_the_blocking_handle/tasks.rs"]
    pub(crate) mod wrong_abort_the_blocking_handle_tasks;
    #[path = "wrong/await_job/tasks.rs"]
    pub(crate) mod wrong_await_job_tasks;
    #[path = "wrong/await_job_after_cancel/tasks.rs"]
    pub(crate) mod wrong_await_job_after_cancel_tasks;
    #[path = "wrong/deadline_for_the_check/tasks.rs"]
    pub(crate) mod wrong_deadline_for_the_check_tasks;
    #[path = "wrong/flag_on_timeout_only/tasks.rs"]
    pub(crate) mod wrong_flag_on_timeout_only_tasks;
    #[path = "wrong/flag_raised_on_timeout_only/tasks.rs"]
    pub(crate) mod wrong_flag_raised_on_timeout_only_tasks;
    #[path = "wrong/flag_read_once/tasks.rs"]
    pub(crate) mod wrong_flag_read_once_tasks;
    #[path = "wrong/grace_after_deadline/tasks.rs"]
    pub(crate) mod wrong_grace_after_deadline_tasks;
    #[path = "wrong/job_own_timeout/tasks.rs"]
    pub(crate) mod wrong_job_own_timeout_tasks;
    #[path = "wrong/job_stops_itself_unbounded_check/tasks.rs"]
    pub(crate) mod wrong_job_stops_itself_unbounded_check_tasks;
    #[path = "wrong/longer_timeout/tasks.rs"]
    pub(crate) mod wrong_longer_timeout_tasks;
    #[path = "wrong/one_check_per_call/tasks.rs"]
    pub(crate) mod wrong_one_check_per_call_tasks;
    #[path = "wrong/pool_per_call/tasks.rs"]
    pub(crate) mod wrong_pool_per_call_tasks;
    #[path = "wrong/send_unwrap/tasks.rs"]
    pub(crate) mod wrong_send_unwrap_tasks;
    #[path = "wrong/shared_job/tasks.rs"]
    pub(crate) mod wrong_shared_job_tasks;
    #[path = "wrong/shutdown_timeout_in_drop/tasks.rs"]
    pub(crate) mod wrong_shutdown_timeout_in_drop_tasks;
    #[path = "wrong/stop_flag_on_watcher/tasks.rs"]
    pub(crate) mod wrong_stop_flag_on_watcher_tasks;
    #[path = "wrong/stop_on_timeout_only/tasks.rs"]
    pub(crate) mod wrong_stop_on_timeout_only_tasks;
    #[path = "wrong/thread_local_stop/tasks.rs"]
    pub(crate) mod wrong_thread_local_stop_tasks;
}

#[rustfmt::skip]
#[allow(unreachable_pub)]
#[path = "../../exercises/stale_answer"]
mod stale_answer {
    #[allow(unused_imports)]
    use leaky::stale_answer::*;
    #[path = "../../../fixed/src/stale_answer/threads.rs"]
    pub(crate) mod solution_default_threads;
    #[path = "right/drop_aware_rendezvous/threads.rs"]
    pub(crate) mod right_drop_aware_rendezvous_threads;
    #[path = "right/one_worker_numbered_checks/threads.rs"]
    pub(crate) mod right_one_worker_numbered_checks_threads;
    #[path = "wrong/buffered_only/threads.rs"]
    pub(crate) mod wrong_buffered_only_threads;
    #[path = "wrong/busy_means_not_ready/threads.rs"]
    pub(crate) mod wrong_busy_means_not_ready_threads;
    #[path = "wrong/closed_is_ready/threads.rs"]
    pub(crate) mod wrong_closed_is_ready_threads;
    #[path = "wrong/drain_after_timeout/threads.rs"]
    pub(crate) mod wrong_drain_after_timeout_threads;
    #[path = "wrong/drain_before_wait/threads.rs"]
    pub(crate) mod wrong_drain_before_wait_threads;
    #[path = "wrong/drain_before_waiting/threads.rs"]
    pub(crate) mod wrong_drain_before_waiting_threads;
    #[path = "wrong/drain_first/threads.rs"]
    pub(crate) mod wrong_drain_first_threads;
    #[path = "wrong/drop_joins_workers/threads.rs"]
    pub(crate) mod wrong_drop_joins_workers_threads;
    #[path = "wrong/late_answer_grace/threads.rs"]
    pub(crate) mod wrong_late_answer_grace_threads;
    #[path = "wrong/send_unwrap/threads.rs"]
    pub(crate) mod wrong_send_unwrap_threads;
    #[path = "wrong/shared_worker/threads.rs"]
    pub(crate) mod wrong_shared_worker_threads;
    #[path = "wrong/stamped_when_finished/threads.rs"]
    pub(crate) mod wrong_stamped_when_finished_threads;
    #[path = "wrong/tagged/threads.rs"]
    pub(crate) mod wrong_tagged_threads;
    #[path = "wrong/thread_local_channel/threads.rs"]
    pub(crate) mod wrong_thread_local_channel_threads;
    #[path = "wrong/unbuffered/threads.rs"]
    pub(crate) mod wrong_unbuffered_threads;
    #[path = "wrong/waiting_flag_on_watcher/threads.rs"]
    pub(crate) mod wrong_waiting_flag_on_watcher_threads;
    #[path = "wrong/worker_own_timeout/threads.rs"]
    pub(crate) mod wrong_worker_own_timeout_threads;
    #[path = "../../../fixed/src/stale_answer/tasks.rs"]
    pub(crate) mod solution_default_tasks;
    #[path = "right/joinset_result/tasks.rs"]
    pub(crate) mod right_joinset_result_tasks;
    #[path = "right/oneshot_and_abort_guard/tasks.rs"]
    pub(crate) mod right_oneshot_and_abort_guard_tasks;
    #[path = "wrong/broadcast_subscribe/tasks.rs"]
    pub(crate) mod wrong_broadcast_subscribe_tasks;
    #[path = "wrong/broadcast_subscribed_late/tasks.rs"]
    pub(crate) mod wrong_broadcast_subscribed_late_tasks;
    #[path = "wrong/buffered_only/tasks.rs"]
    pub(crate) mod wrong_buffered_only_tasks;
    #[path = "wrong/closed_is_ready/tasks.rs"]
    pub(crate) mod wrong_closed_is_ready_tasks;
    #[path = "wrong/current_waiter_slot/tasks.rs"]
    pub(crate) mod wrong_current_waiter_slot_tasks;
    #[path = "wrong/drain_after_timeout/tasks.rs"]
    pub(crate) mod wrong_drain_after_timeout_tasks;
    #[path = "wrong/drain_first/tasks.rs"]
    pub(crate) mod wrong_drain_first_tasks;
    #[path = "wrong/drop_block_on/tasks.rs"]
    pub(crate) mod wrong_drop_block_on_tasks;
    #[path = "wrong/grace_after_deadline/tasks.rs"]
    pub(crate) mod wrong_grace_after_deadline_tasks;
    #[path = "wrong/one_slot/tasks.rs"]
    pub(crate) mod wrong_one_slot_tasks;
    #[path = "wrong/send_unwrap/tasks.rs"]
    pub(crate) mod wrong_send_unwrap_tasks;
    #[path = "wrong/slot_on_watcher/tasks.rs"]
    pub(crate) mod wrong_slot_on_watcher_tasks;
    #[path = "wrong/spawn_blocking_worker/tasks.rs"]
    pub(crate) mod wrong_spawn_blocking_worker_tasks;
    #[path = "wrong/tagged/tasks.rs"]
    pub(crate) mod wrong_tagged_tasks;
    #[path = "wrong/thread_local_channel/tasks.rs"]
    pub(crate) mod wrong_thread_local_channel_tasks;
    #[path = "wrong/waiting_flag_on_watcher/tasks.rs"]
    pub(crate) mod wrong_waiting_flag_on_watcher_tasks;
    #[path = "wrong/worker_own_timeout/tasks.rs"]
    pub(crate) mod wrong_worker_own_timeout_tasks;
}

#[rustfmt::skip]
#[allow(unreachable_pub, dead_code)]
#[path = "../../capstone"]
mod capstone {
    #[path = "server.rs"]
    pub(crate) mod shipped;
    #[path = "../../fixed/src/capstone/server.rs"]
    pub(crate) mod solution_default;
    #[path = "../../fixed/src/capstone/guard/server.rs"]
    pub(crate) mod solution_guard;
    #[path = "right/one_task_per_client/server.rs"]
    pub(crate) mod right_one_task_per_client;
    #[path = "right/per_subscription_handles/server.rs"]
    pub(crate) mod right_per_subscription_handles;
    #[path = "right/reader_and_writer_joined/server.rs"]
    pub(crate) mod right_reader_and_writer_joined;
    #[path = "wrong/abort_writer/server.rs"]
    pub(crate) mod wrong_abort_writer;
    #[path = "wrong/cleanup_skipped_by_question_mark/server.rs"]
    pub(crate) mod wrong_cleanup_skipped_by_question_mark;
    #[path = "wrong/closed_queues_pruned/server.rs"]
    pub(crate) mod wrong_closed_queues_pruned;
    #[path = "wrong/hub_wide_stop/server.rs"]
    pub(crate) mod wrong_hub_wide_stop;
    #[path = "wrong/last_topic_only/server.rs"]
    pub(crate) mod wrong_last_topic_only;
    #[path = "wrong/prune_closed_on_publish/server.rs"]
    pub(crate) mod wrong_prune_closed_on_publish;
    #[path = "wrong/prune_on_publish/server.rs"]
    pub(crate) mod wrong_prune_on_publish;
    #[path = "wrong/quit_only/server.rs"]
    pub(crate) mod wrong_quit_only;
    #[path = "wrong/remove_whole_topic/server.rs"]
    pub(crate) mod wrong_remove_whole_topic;
    #[path = "wrong/stop_writer_keep_entries/server.rs"]
    pub(crate) mod wrong_stop_writer_keep_entries;
    #[path = "wrong/unsubscribed_unless_reset/server.rs"]
    pub(crate) mod wrong_unsubscribed_unless_reset;
    #[path = "wrong/weak_senders_pruned_on_publish/server.rs"]
    pub(crate) mod wrong_weak_senders_pruned_on_publish;
    #[path = "wrong/writer_awaited_before_unsubscribe/server.rs"]
    pub(crate) mod wrong_writer_awaited_before_unsubscribe;
    #[path = "wrong/writer_idle_timeout/server.rs"]
    pub(crate) mod wrong_writer_idle_timeout;
    #[path = "wrong/writer_unsubscribes_when_done/server.rs"]
    pub(crate) mod wrong_writer_unsubscribes_when_done;
    #[path = "wrong/writers_ended_at_shutdown/server.rs"]
    pub(crate) mod wrong_writers_ended_at_shutdown;
}

/// Every case, as the folders hold them.
#[rustfmt::skip]
const CASES: &[Case] = &[
    Case {
        name: "blocked_send/threads/shipped",
        file: "leaky/src/blocked_send/threads.rs",
        kind: Kind::Shipped,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/src/blocked_send/threads.rs",
                leaky::blocked_send::threads::Watcher::new,
                leaky::blocked_send::threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/threads/solution/default",
        file: "fixed/src/blocked_send/threads.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "fixed/src/blocked_send/threads.rs",
                blocked_send::solution_default_threads::Watcher::new,
                blocked_send::solution_default_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/threads/solution/buffered",
        file: "fixed/src/blocked_send/buffered/threads.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "fixed/src/blocked_send/buffered/threads.rs",
                blocked_send::solution_buffered_threads::Watcher::new,
                blocked_send::solution_buffered_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/threads/solution/cancel",
        file: "fixed/src/blocked_send/cancel/threads.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "fixed/src/blocked_send/cancel/threads.rs",
                blocked_send::solution_cancel_threads::Watcher::new,
                blocked_send::solution_cancel_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/threads/solution/drop_aware",
        file: "fixed/src/blocked_send/drop_aware/threads.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "fixed/src/blocked_send/drop_aware/threads.rs",
                blocked_send::solution_drop_aware_threads::Watcher::new,
                blocked_send::solution_drop_aware_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/threads/right/stop_flag_guard",
        file: "leaky/exercises/blocked_send/right/stop_flag_guard/threads.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/blocked_send/right/stop_flag_guard/threads.rs",
                blocked_send::right_stop_flag_guard_threads::Watcher::new,
                blocked_send::right_stop_flag_guard_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/threads/right/stop_flag_slot",
        file: "leaky/exercises/blocked_send/right/stop_flag_slot/threads.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/blocked_send/right/stop_flag_slot/threads.rs",
                blocked_send::right_stop_flag_slot_threads::Watcher::new,
                blocked_send::right_stop_flag_slot_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/threads/wrong/bigger_buffer",
        file: "leaky/exercises/blocked_send/wrong/bigger_buffer/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/bigger_buffer/threads.rs",
                blocked_send::wrong_bigger_buffer_threads::Watcher::new,
                blocked_send::wrong_bigger_buffer_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/threads/wrong/buffered_only",
        file: "leaky/exercises/blocked_send/wrong/buffered_only/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/buffered_only/threads.rs",
                blocked_send::wrong_buffered_only_threads::Watcher::new,
                blocked_send::wrong_buffered_only_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/threads/wrong/closed_is_ready",
        file: "leaky/exercises/blocked_send/wrong/closed_is_ready/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/closed_is_ready/threads.rs",
                blocked_send::wrong_closed_is_ready_threads::Watcher::new,
                blocked_send::wrong_closed_is_ready_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/threads/wrong/drain_first",
        file: "leaky/exercises/blocked_send/wrong/drain_first/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/drain_first/threads.rs",
                blocked_send::wrong_drain_first_threads::Watcher::new,
                blocked_send::wrong_drain_first_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/threads/wrong/drop_joins_workers",
        file: "leaky/exercises/blocked_send/wrong/drop_joins_workers/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/drop_joins_workers/threads.rs",
                blocked_send::wrong_drop_joins_workers_threads::Watcher::new,
                blocked_send::wrong_drop_joins_workers_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/threads/wrong/expect_send",
        file: "leaky/exercises/blocked_send/wrong/expect_send/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/expect_send/threads.rs",
                blocked_send::wrong_expect_send_threads::Watcher::new,
                blocked_send::wrong_expect_send_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/threads/wrong/grace_after_deadline",
        file: "leaky/exercises/blocked_send/wrong/grace_after_deadline/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/grace_after_deadline/threads.rs",
                blocked_send::wrong_grace_after_deadline_threads::Watcher::new,
                blocked_send::wrong_grace_after_deadline_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/threads/wrong/join_on_timeout",
        file: "leaky/exercises/blocked_send/wrong/join_on_timeout/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/join_on_timeout/threads.rs",
                blocked_send::wrong_join_on_timeout_threads::Watcher::new,
                blocked_send::wrong_join_on_timeout_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/threads/wrong/join_unbounded_check",
        file: "leaky/exercises/blocked_send/wrong/join_unbounded_check/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/join_unbounded_check/threads.rs",
                blocked_send::wrong_join_unbounded_check_threads::Watcher::new,
                blocked_send::wrong_join_unbounded_check_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/threads/wrong/join_worker",
        file: "leaky/exercises/blocked_send/wrong/join_worker/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/join_worker/threads.rs",
                blocked_send::wrong_join_worker_threads::Watcher::new,
                blocked_send::wrong_join_worker_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/threads/wrong/report_unwrap",
        file: "leaky/exercises/blocked_send/wrong/report_unwrap/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/report_unwrap/threads.rs",
                blocked_send::wrong_report_unwrap_threads::Watcher::new,
                blocked_send::wrong_report_unwrap_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/threads/wrong/shared_worker",
        file: "leaky/exercises/blocked_send/wrong/shared_worker/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/shared_worker/threads.rs",
                blocked_send::wrong_shared_worker_threads::Watcher::new,
                blocked_send::wrong_shared_worker_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/threads/wrong/sleep_before_return",
        file: "leaky/exercises/blocked_send/wrong/sleep_before_return/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/sleep_before_return/threads.rs",
                blocked_send::wrong_sleep_before_return_threads::Watcher::new,
                blocked_send::wrong_sleep_before_return_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/threads/wrong/stop_flag_reset",
        file: "leaky/exercises/blocked_send/wrong/stop_flag_reset/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/stop_flag_reset/threads.rs",
                blocked_send::wrong_stop_flag_reset_threads::Watcher::new,
                blocked_send::wrong_stop_flag_reset_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/threads/wrong/thread_local_channel",
        file: "leaky/exercises/blocked_send/wrong/thread_local_channel/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/thread_local_channel/threads.rs",
                blocked_send::wrong_thread_local_channel_threads::Watcher::new,
                blocked_send::wrong_thread_local_channel_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/threads/wrong/try_send",
        file: "leaky/exercises/blocked_send/wrong/try_send/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/try_send/threads.rs",
                blocked_send::wrong_try_send_threads::Watcher::new,
                blocked_send::wrong_try_send_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/threads/wrong/weak_listener_kept",
        file: "leaky/exercises/blocked_send/wrong/weak_listener_kept/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/weak_listener_kept/threads.rs",
                blocked_send::wrong_weak_listener_kept_threads::Watcher::new,
                blocked_send::wrong_weak_listener_kept_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/threads/wrong/worker_own_timeout",
        file: "leaky/exercises/blocked_send/wrong/worker_own_timeout/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/worker_own_timeout/threads.rs",
                blocked_send::wrong_worker_own_timeout_threads::Watcher::new,
                blocked_send::wrong_worker_own_timeout_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/tasks/shipped",
        file: "leaky/src/blocked_send/tasks.rs",
        kind: Kind::Shipped,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/src/blocked_send/tasks.rs",
                leaky::blocked_send::tasks::Watcher::new,
                leaky::blocked_send::tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/tasks/solution/default",
        file: "fixed/src/blocked_send/tasks.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "fixed/src/blocked_send/tasks.rs",
                blocked_send::solution_default_tasks::Watcher::new,
                blocked_send::solution_default_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/tasks/solution/buffered",
        file: "fixed/src/blocked_send/buffered/tasks.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "fixed/src/blocked_send/buffered/tasks.rs",
                blocked_send::solution_buffered_tasks::Watcher::new,
                blocked_send::solution_buffered_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/tasks/solution/cancel",
        file: "fixed/src/blocked_send/cancel/tasks.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "fixed/src/blocked_send/cancel/tasks.rs",
                blocked_send::solution_cancel_tasks::Watcher::new,
                blocked_send::solution_cancel_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/tasks/solution/drop_aware",
        file: "fixed/src/blocked_send/drop_aware/tasks.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "fixed/src/blocked_send/drop_aware/tasks.rs",
                blocked_send::solution_drop_aware_tasks::Watcher::new,
                blocked_send::solution_drop_aware_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/tasks/right/abort_on_drop_handle",
        file: "leaky/exercises/blocked_send/right/abort_on_drop_handle/tasks.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/blocked_send/right/abort_on_drop_handle/tasks.rs",
                blocked_send::right_abort_on_drop_handle_tasks::Watcher::new,
                blocked_send::right_abort_on_drop_handle_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/tasks/right/oneshot_abort_on_drop",
        file: "leaky/exercises/blocked_send/right/oneshot_abort_on_drop/tasks.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/blocked_send/right/oneshot_abort_on_drop/tasks.rs",
                blocked_send::right_oneshot_abort_on_drop_tasks::Watcher::new,
                blocked_send::right_oneshot_abort_on_drop_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/tasks/right/watcher_worker",
        file: "leaky/exercises/blocked_send/right/watcher_worker/tasks.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/blocked_send/right/watcher_worker/tasks.rs",
                blocked_send::right_watcher_worker_tasks::Watcher::new,
                blocked_send::right_watcher_worker_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/tasks/wrong/abort_on_timeout",
        file: "leaky/exercises/blocked_send/wrong/abort_on_timeout/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/abort_on_timeout/tasks.rs",
                blocked_send::wrong_abort_on_timeout_tasks::Watcher::new,
                blocked_send::wrong_abort_on_timeout_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/tasks/wrong/await_late_answer",
        file: "leaky/exercises/blocked_send/wrong/await_late_answer/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/await_late_answer/tasks.rs",
                blocked_send::wrong_await_late_answer_tasks::Watcher::new,
                blocked_send::wrong_await_late_answer_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/tasks/wrong/cancel_on_timeout_only",
        file: "leaky/exercises/blocked_send/wrong/cancel_on_timeout_only/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/cancel_on_timeout_only/tasks.rs",
                blocked_send::wrong_cancel_on_timeout_only_tasks::Watcher::new,
                blocked_send::wrong_cancel_on_timeout_only_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/tasks/wrong/closed_is_ready",
        file: "leaky/exercises/blocked_send/wrong/closed_is_ready/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/closed_is_ready/tasks.rs",
                blocked_send::wrong_closed_is_ready_tasks::Watcher::new,
                blocked_send::wrong_closed_is_ready_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/tasks/wrong/detached_handle_dropped",
        file: "leaky/exercises/blocked_send/wrong/detached_handle_dropped/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/detached_handle_dropped/tasks.rs",
                blocked_send::wrong_detached_handle_dropped_tasks::Watcher::new,
                blocked_send::wrong_detached_handle_dropped_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/tasks/wrong/drain_first",
        file: "leaky/exercises/blocked_send/wrong/drain_first/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/drain_first/tasks.rs",
                blocked_send::wrong_drain_first_tasks::Watcher::new,
                blocked_send::wrong_drain_first_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/tasks/wrong/drop_block_on",
        file: "leaky/exercises/blocked_send/wrong/drop_block_on/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/drop_block_on/tasks.rs",
                blocked_send::wrong_drop_block_on_tasks::Watcher::new,
                blocked_send::wrong_drop_block_on_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/tasks/wrong/fast_path_check",
        file: "leaky/exercises/blocked_send/wrong/fast_path_check/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/fast_path_check/tasks.rs",
                blocked_send::wrong_fast_path_check_tasks::Watcher::new,
                blocked_send::wrong_fast_path_check_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/tasks/wrong/grace_after_deadline",
        file: "leaky/exercises/blocked_send/wrong/grace_after_deadline/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/grace_after_deadline/tasks.rs",
                blocked_send::wrong_grace_after_deadline_tasks::Watcher::new,
                blocked_send::wrong_grace_after_deadline_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/tasks/wrong/longer_timeout",
        file: "leaky/exercises/blocked_send/wrong/longer_timeout/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/longer_timeout/tasks.rs",
                blocked_send::wrong_longer_timeout_tasks::Watcher::new,
                blocked_send::wrong_longer_timeout_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/tasks/wrong/oneshot_stop_on_watcher",
        file: "leaky/exercises/blocked_send/wrong/oneshot_stop_on_watcher/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/oneshot_stop_on_watcher/tasks.rs",
                blocked_send::wrong_oneshot_stop_on_watcher_tasks::Watcher::new,
                blocked_send::wrong_oneshot_stop_on_watcher_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/tasks/wrong/send_unwrap",
        file: "leaky/exercises/blocked_send/wrong/send_unwrap/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/send_unwrap/tasks.rs",
                blocked_send::wrong_send_unwrap_tasks::Watcher::new,
                blocked_send::wrong_send_unwrap_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/tasks/wrong/shared_worker",
        file: "leaky/exercises/blocked_send/wrong/shared_worker/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/shared_worker/tasks.rs",
                blocked_send::wrong_shared_worker_tasks::Watcher::new,
                blocked_send::wrong_shared_worker_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/tasks/wrong/sleep_before_return",
        file: "leaky/exercises/blocked_send/wrong/sleep_before_return/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/sleep_before_return/tasks.rs",
                blocked_send::wrong_sleep_before_return_tasks::Watcher::new,
                blocked_send::wrong_sleep_before_return_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/tasks/wrong/stop_flag_on_watcher",
        file: "leaky/exercises/blocked_send/wrong/stop_flag_on_watcher/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/stop_flag_on_watcher/tasks.rs",
                blocked_send::wrong_stop_flag_on_watcher_tasks::Watcher::new,
                blocked_send::wrong_stop_flag_on_watcher_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/tasks/wrong/stop_pattern_on_closed",
        file: "leaky/exercises/blocked_send/wrong/stop_pattern_on_closed/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/stop_pattern_on_closed/tasks.rs",
                blocked_send::wrong_stop_pattern_on_closed_tasks::Watcher::new,
                blocked_send::wrong_stop_pattern_on_closed_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/tasks/wrong/thread_local_channel",
        file: "leaky/exercises/blocked_send/wrong/thread_local_channel/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/thread_local_channel/tasks.rs",
                blocked_send::wrong_thread_local_channel_tasks::Watcher::new,
                blocked_send::wrong_thread_local_channel_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/tasks/wrong/try_send",
        file: "leaky/exercises/blocked_send/wrong/try_send/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/try_send/tasks.rs",
                blocked_send::wrong_try_send_tasks::Watcher::new,
                blocked_send::wrong_try_send_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/tasks/wrong/unbounded",
        file: "leaky/exercises/blocked_send/wrong/unbounded/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/unbounded/tasks.rs",
                blocked_send::wrong_unbounded_tasks::Watcher::new,
                blocked_send::wrong_unbounded_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocked_send/tasks/wrong/worker_own_timeout",
        file: "leaky/exercises/blocked_send/wrong/worker_own_timeout/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/blocked_send/wrong/worker_own_timeout/tasks.rs",
                blocked_send::wrong_worker_own_timeout_tasks::Watcher::new,
                blocked_send::wrong_worker_own_timeout_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/threads/shipped",
        file: "leaky/src/take_first/threads.rs",
        kind: Kind::Shipped,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/src/take_first/threads.rs",
                leaky::take_first::threads::Watcher::new,
                leaky::take_first::threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/threads/solution/default",
        file: "fixed/src/take_first/threads.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "fixed/src/take_first/threads.rs",
                take_first::solution_default_threads::Watcher::new,
                take_first::solution_default_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/threads/solution/buffered",
        file: "fixed/src/take_first/buffered/threads.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "fixed/src/take_first/buffered/threads.rs",
                take_first::solution_buffered_threads::Watcher::new,
                take_first::solution_buffered_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/threads/right/scope_check_until",
        file: "leaky/exercises/take_first/right/scope_check_until/threads.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/take_first/right/scope_check_until/threads.rs",
                take_first::right_scope_check_until_threads::Watcher::new,
                take_first::right_scope_check_until_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/threads/right/scoped_replicas",
        file: "leaky/exercises/take_first/right/scoped_replicas/threads.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/take_first/right/scoped_replicas/threads.rs",
                take_first::right_scoped_replicas_threads::Watcher::new,
                take_first::right_scoped_replicas_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/threads/wrong/answered_flag_no_deadline",
        file: "leaky/exercises/take_first/wrong/answered_flag_no_deadline/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/take_first/wrong/answered_flag_no_deadline/threads.rs",
                take_first::wrong_answered_flag_no_deadline_threads::Watcher::new,
                take_first::wrong_answered_flag_no_deadline_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/threads/wrong/buffered_only",
        file: "leaky/exercises/take_first/wrong/buffered_only/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/take_first/wrong/buffered_only/threads.rs",
                take_first::wrong_buffered_only_threads::Watcher::new,
                take_first::wrong_buffered_only_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/threads/wrong/cancel_sender_on_watcher",
        file: "leaky/exercises/take_first/wrong/cancel_sender_on_watcher/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/take_first/wrong/cancel_sender_on_watcher/threads.rs",
                take_first::wrong_cancel_sender_on_watcher_threads::Watcher::new,
                take_first::wrong_cancel_sender_on_watcher_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/threads/wrong/closed_is_ready",
        file: "leaky/exercises/take_first/wrong/closed_is_ready/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/take_first/wrong/closed_is_ready/threads.rs",
                take_first::wrong_closed_is_ready_threads::Watcher::new,
                take_first::wrong_closed_is_ready_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/threads/wrong/deadline_plus_grace",
        file: "leaky/exercises/take_first/wrong/deadline_plus_grace/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/take_first/wrong/deadline_plus_grace/threads.rs",
                take_first::wrong_deadline_plus_grace_threads::Watcher::new,
                take_first::wrong_deadline_plus_grace_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/threads/wrong/drain_after_answer",
        file: "leaky/exercises/take_first/wrong/drain_after_answer/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/take_first/wrong/drain_after_answer/threads.rs",
                take_first::wrong_drain_after_answer_threads::Watcher::new,
                take_first::wrong_drain_after_answer_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/threads/wrong/drop_joins_workers",
        file: "leaky/exercises/take_first/wrong/drop_joins_workers/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/take_first/wrong/drop_joins_workers/threads.rs",
                take_first::wrong_drop_joins_workers_threads::Watcher::new,
                take_first::wrong_drop_joins_workers_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/threads/wrong/join_replicas",
        file: "leaky/exercises/take_first/wrong/join_replicas/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/take_first/wrong/join_replicas/threads.rs",
                take_first::wrong_join_replicas_threads::Watcher::new,
                take_first::wrong_join_replicas_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/threads/wrong/join_replicas_on_return",
        file: "leaky/exercises/take_first/wrong/join_replicas_on_return/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/take_first/wrong/join_replicas_on_return/threads.rs",
                take_first::wrong_join_replicas_on_return_threads::Watcher::new,
                take_first::wrong_join_replicas_on_return_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/threads/wrong/one_call_at_a_time",
        file: "leaky/exercises/take_first/wrong/one_call_at_a_time/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/take_first/wrong/one_call_at_a_time/threads.rs",
                take_first::wrong_one_call_at_a_time_threads::Watcher::new,
                take_first::wrong_one_call_at_a_time_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/threads/wrong/one_stop_message",
        file: "leaky/exercises/take_first/wrong/one_stop_message/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/take_first/wrong/one_stop_message/threads.rs",
                take_first::wrong_one_stop_message_threads::Watcher::new,
                take_first::wrong_one_stop_message_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/threads/wrong/room_for_every_replica",
        file: "leaky/exercises/take_first/wrong/room_for_every_replica/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/take_first/wrong/room_for_every_replica/threads.rs",
                take_first::wrong_room_for_every_replica_threads::Watcher::new,
                take_first::wrong_room_for_every_replica_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/threads/wrong/send_unwrap",
        file: "leaky/exercises/take_first/wrong/send_unwrap/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/take_first/wrong/send_unwrap/threads.rs",
                take_first::wrong_send_unwrap_threads::Watcher::new,
                take_first::wrong_send_unwrap_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/threads/wrong/shared_answered_flag",
        file: "leaky/exercises/take_first/wrong/shared_answered_flag/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/take_first/wrong/shared_answered_flag/threads.rs",
                take_first::wrong_shared_answered_flag_threads::Watcher::new,
                take_first::wrong_shared_answered_flag_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/threads/wrong/shared_worker",
        file: "leaky/exercises/take_first/wrong/shared_worker/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/take_first/wrong/shared_worker/threads.rs",
                take_first::wrong_shared_worker_threads::Watcher::new,
                take_first::wrong_shared_worker_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/threads/wrong/thread_local_channel",
        file: "leaky/exercises/take_first/wrong/thread_local_channel/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/take_first/wrong/thread_local_channel/threads.rs",
                take_first::wrong_thread_local_channel_threads::Watcher::new,
                take_first::wrong_thread_local_channel_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/threads/wrong/try_send",
        file: "leaky/exercises/take_first/wrong/try_send/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/take_first/wrong/try_send/threads.rs",
                take_first::wrong_try_send_threads::Watcher::new,
                take_first::wrong_try_send_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/tasks/shipped",
        file: "leaky/src/take_first/tasks.rs",
        kind: Kind::Shipped,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/src/take_first/tasks.rs",
                leaky::take_first::tasks::Watcher::new,
                leaky::take_first::tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/tasks/solution/default",
        file: "fixed/src/take_first/tasks.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "fixed/src/take_first/tasks.rs",
                take_first::solution_default_tasks::Watcher::new,
                take_first::solution_default_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/tasks/solution/buffered",
        file: "fixed/src/take_first/buffered/tasks.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "fixed/src/take_first/buffered/tasks.rs",
                take_first::solution_buffered_tasks::Watcher::new,
                take_first::solution_buffered_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/tasks/right/abort_on_drop_mpsc",
        file: "leaky/exercises/take_first/right/abort_on_drop_mpsc/tasks.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/take_first/right/abort_on_drop_mpsc/tasks.rs",
                take_first::right_abort_on_drop_mpsc_tasks::Watcher::new,
                take_first::right_abort_on_drop_mpsc_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/tasks/right/abort_on_drop_vec",
        file: "leaky/exercises/take_first/right/abort_on_drop_vec/tasks.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/take_first/right/abort_on_drop_vec/tasks.rs",
                take_first::right_abort_on_drop_vec_tasks::Watcher::new,
                take_first::right_abort_on_drop_vec_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/tasks/right/raced_in_the_call",
        file: "leaky/exercises/take_first/right/raced_in_the_call/tasks.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/take_first/right/raced_in_the_call/tasks.rs",
                take_first::right_raced_in_the_call_tasks::Watcher::new,
                take_first::right_raced_in_the_call_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/tasks/right/weak_liveness",
        file: "leaky/exercises/take_first/right/weak_liveness/tasks.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/take_first/right/weak_liveness/tasks.rs",
                take_first::right_weak_liveness_tasks::Watcher::new,
                take_first::right_weak_liveness_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/tasks/wrong/abort_on_timeout",
        file: "leaky/exercises/take_first/wrong/abort_on_timeout/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/take_first/wrong/abort_on_timeout/tasks.rs",
                take_first::wrong_abort_on_timeout_tasks::Watcher::new,
                take_first::wrong_abort_on_timeout_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/tasks/wrong/abort_on_timeout_only",
        file: "leaky/exercises/take_first/wrong/abort_on_timeout_only/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/take_first/wrong/abort_on_timeout_only/tasks.rs",
                take_first::wrong_abort_on_timeout_only_tasks::Watcher::new,
                take_first::wrong_abort_on_timeout_only_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/tasks/wrong/answers_kept_on_watcher",
        file: "leaky/exercises/take_first/wrong/answers_kept_on_watcher/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/take_first/wrong/answers_kept_on_watcher/tasks.rs",
                take_first::wrong_answers_kept_on_watcher_tasks::Watcher::new,
                take_first::wrong_answers_kept_on_watcher_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/tasks/wrong/buffered_only",
        file: "leaky/exercises/take_first/wrong/buffered_only/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/take_first/wrong/buffered_only/tasks.rs",
                take_first::wrong_buffered_only_tasks::Watcher::new,
                take_first::wrong_buffered_only_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/tasks/wrong/closed_is_ready",
        file: "leaky/exercises/take_first/wrong/closed_is_ready/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/take_first/wrong/closed_is_ready/tasks.rs",
                take_first::wrong_closed_is_ready_tasks::Watcher::new,
                take_first::wrong_closed_is_ready_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/tasks/wrong/detach_all",
        file: "leaky/exercises/take_first/wrong/detach_all/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/take_first/wrong/detach_all/tasks.rs",
                take_first::wrong_detach_all_tasks::Watcher::new,
                take_first::wrong_detach_all_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/tasks/wrong/drop_block_in_place",
        file: "leaky/exercises/take_first/wrong/drop_block_in_place/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/take_first/wrong/drop_block_in_place/tasks.rs",
                take_first::wrong_drop_block_in_place_tasks::Watcher::new,
                take_first::wrong_drop_block_in_place_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/tasks/wrong/joinset_detach_all",
        file: "leaky/exercises/take_first/wrong/joinset_detach_all/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/take_first/wrong/joinset_detach_all/tasks.rs",
                take_first::wrong_joinset_detach_all_tasks::Watcher::new,
                take_first::wrong_joinset_detach_all_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/tasks/wrong/longer_timeout",
        file: "leaky/exercises/take_first/wrong/longer_timeout/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/take_first/wrong/longer_timeout/tasks.rs",
                take_first::wrong_longer_timeout_tasks::Watcher::new,
                take_first::wrong_longer_timeout_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/tasks/wrong/one_call_at_a_time",
        file: "leaky/exercises/take_first/wrong/one_call_at_a_time/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/take_first/wrong/one_call_at_a_time/tasks.rs",
                take_first::wrong_one_call_at_a_time_tasks::Watcher::new,
                take_first::wrong_one_call_at_a_time_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/tasks/wrong/room_for_every_replica",
        file: "leaky/exercises/take_first/wrong/room_for_every_replica/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/take_first/wrong/room_for_every_replica/tasks.rs",
                take_first::wrong_room_for_every_replica_tasks::Watcher::new,
                take_first::wrong_room_for_every_replica_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/tasks/wrong/send_unwrap",
        file: "leaky/exercises/take_first/wrong/send_unwrap/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/take_first/wrong/send_unwrap/tasks.rs",
                take_first::wrong_send_unwrap_tasks::Watcher::new,
                take_first::wrong_send_unwrap_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/tasks/wrong/shared_worker",
        file: "leaky/exercises/take_first/wrong/shared_worker/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/take_first/wrong/shared_worker/tasks.rs",
                take_first::wrong_shared_worker_tasks::Watcher::new,
                take_first::wrong_shared_worker_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/tasks/wrong/sibling_tokens",
        file: "leaky/exercises/take_first/wrong/sibling_tokens/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/take_first/wrong/sibling_tokens/tasks.rs",
                take_first::wrong_sibling_tokens_tasks::Watcher::new,
                take_first::wrong_sibling_tokens_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/tasks/wrong/stop_at_deadline",
        file: "leaky/exercises/take_first/wrong/stop_at_deadline/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/take_first/wrong/stop_at_deadline/tasks.rs",
                take_first::wrong_stop_at_deadline_tasks::Watcher::new,
                take_first::wrong_stop_at_deadline_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/tasks/wrong/task_tracker",
        file: "leaky/exercises/take_first/wrong/task_tracker/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/take_first/wrong/task_tracker/tasks.rs",
                take_first::wrong_task_tracker_tasks::Watcher::new,
                take_first::wrong_task_tracker_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/tasks/wrong/thread_local_channel",
        file: "leaky/exercises/take_first/wrong/thread_local_channel/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/take_first/wrong/thread_local_channel/tasks.rs",
                take_first::wrong_thread_local_channel_tasks::Watcher::new,
                take_first::wrong_thread_local_channel_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "take_first/tasks/wrong/watch_ready_on_watcher",
        file: "leaky/exercises/take_first/wrong/watch_ready_on_watcher/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/take_first/wrong/watch_ready_on_watcher/tasks.rs",
                take_first::wrong_watch_ready_on_watcher_tasks::Watcher::new,
                take_first::wrong_watch_ready_on_watcher_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/threads/shipped",
        file: "leaky/src/double_send/threads.rs",
        kind: Kind::Shipped,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/src/double_send/threads.rs",
                leaky::double_send::threads::Watcher::new,
                leaky::double_send::threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/threads/solution/default",
        file: "fixed/src/double_send/threads.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "fixed/src/double_send/threads.rs",
                double_send::solution_default_threads::Watcher::new,
                double_send::solution_default_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/threads/solution/buffered",
        file: "fixed/src/double_send/buffered/threads.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "fixed/src/double_send/buffered/threads.rs",
                double_send::solution_buffered_threads::Watcher::new,
                double_send::solution_buffered_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/threads/solution/drop_aware",
        file: "fixed/src/double_send/drop_aware/threads.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "fixed/src/double_send/drop_aware/threads.rs",
                double_send::solution_drop_aware_threads::Watcher::new,
                double_send::solution_drop_aware_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/threads/right/scope_two_reports",
        file: "leaky/exercises/double_send/right/scope_two_reports/threads.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/double_send/right/scope_two_reports/threads.rs",
                double_send::right_scope_two_reports_threads::Watcher::new,
                double_send::right_scope_two_reports_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/threads/right/scoped_reports",
        file: "leaky/exercises/double_send/right/scoped_reports/threads.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/double_send/right/scoped_reports/threads.rs",
                double_send::right_scoped_reports_threads::Watcher::new,
                double_send::right_scoped_reports_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/threads/wrong/any_report_is_ready",
        file: "leaky/exercises/double_send/wrong/any_report_is_ready/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/double_send/wrong/any_report_is_ready/threads.rs",
                double_send::wrong_any_report_is_ready_threads::Watcher::new,
                double_send::wrong_any_report_is_ready_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/threads/wrong/channel_per_call",
        file: "leaky/exercises/double_send/wrong/channel_per_call/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/double_send/wrong/channel_per_call/threads.rs",
                double_send::wrong_channel_per_call_threads::Watcher::new,
                double_send::wrong_channel_per_call_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/threads/wrong/deadline_once_per_watcher",
        file: "leaky/exercises/double_send/wrong/deadline_once_per_watcher/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/double_send/wrong/deadline_once_per_watcher/threads.rs",
                double_send::wrong_deadline_once_per_watcher_threads::Watcher::new,
                double_send::wrong_deadline_once_per_watcher_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/threads/wrong/drop_joins_workers",
        file: "leaky/exercises/double_send/wrong/drop_joins_workers/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/double_send/wrong/drop_joins_workers/threads.rs",
                double_send::wrong_drop_joins_workers_threads::Watcher::new,
                double_send::wrong_drop_joins_workers_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/threads/wrong/first_report_no_deadline",
        file: "leaky/exercises/double_send/wrong/first_report_no_deadline/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/double_send/wrong/first_report_no_deadline/threads.rs",
                double_send::wrong_first_report_no_deadline_threads::Watcher::new,
                double_send::wrong_first_report_no_deadline_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/threads/wrong/join_worker",
        file: "leaky/exercises/double_send/wrong/join_worker/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/double_send/wrong/join_worker/threads.rs",
                double_send::wrong_join_worker_threads::Watcher::new,
                double_send::wrong_join_worker_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/threads/wrong/one_call_at_a_time",
        file: "leaky/exercises/double_send/wrong/one_call_at_a_time/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/double_send/wrong/one_call_at_a_time/threads.rs",
                double_send::wrong_one_call_at_a_time_threads::Watcher::new,
                double_send::wrong_one_call_at_a_time_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/threads/wrong/read_until_ready",
        file: "leaky/exercises/double_send/wrong/read_until_ready/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/double_send/wrong/read_until_ready/threads.rs",
                double_send::wrong_read_until_ready_threads::Watcher::new,
                double_send::wrong_read_until_ready_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/threads/wrong/report_expect",
        file: "leaky/exercises/double_send/wrong/report_expect/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/double_send/wrong/report_expect/threads.rs",
                double_send::wrong_report_expect_threads::Watcher::new,
                double_send::wrong_report_expect_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/threads/wrong/room_for_both",
        file: "leaky/exercises/double_send/wrong/room_for_both/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/double_send/wrong/room_for_both/threads.rs",
                double_send::wrong_room_for_both_threads::Watcher::new,
                double_send::wrong_room_for_both_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/threads/wrong/room_for_both_no_deadline",
        file: "leaky/exercises/double_send/wrong/room_for_both_no_deadline/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/double_send/wrong/room_for_both_no_deadline/threads.rs",
                double_send::wrong_room_for_both_no_deadline_threads::Watcher::new,
                double_send::wrong_room_for_both_no_deadline_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/threads/wrong/shared_worker",
        file: "leaky/exercises/double_send/wrong/shared_worker/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/double_send/wrong/shared_worker/threads.rs",
                double_send::wrong_shared_worker_threads::Watcher::new,
                double_send::wrong_shared_worker_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/threads/wrong/stop_flag_on_watcher",
        file: "leaky/exercises/double_send/wrong/stop_flag_on_watcher/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/double_send/wrong/stop_flag_on_watcher/threads.rs",
                double_send::wrong_stop_flag_on_watcher_threads::Watcher::new,
                double_send::wrong_stop_flag_on_watcher_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/threads/wrong/thread_local_channel",
        file: "leaky/exercises/double_send/wrong/thread_local_channel/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/double_send/wrong/thread_local_channel/threads.rs",
                double_send::wrong_thread_local_channel_threads::Watcher::new,
                double_send::wrong_thread_local_channel_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/threads/wrong/try_send",
        file: "leaky/exercises/double_send/wrong/try_send/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/double_send/wrong/try_send/threads.rs",
                double_send::wrong_try_send_threads::Watcher::new,
                double_send::wrong_try_send_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/threads/wrong/worker_check_cap",
        file: "leaky/exercises/double_send/wrong/worker_check_cap/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/double_send/wrong/worker_check_cap/threads.rs",
                double_send::wrong_worker_check_cap_threads::Watcher::new,
                double_send::wrong_worker_check_cap_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/tasks/shipped",
        file: "leaky/src/double_send/tasks.rs",
        kind: Kind::Shipped,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/src/double_send/tasks.rs",
                leaky::double_send::tasks::Watcher::new,
                leaky::double_send::tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/tasks/solution/default",
        file: "fixed/src/double_send/tasks.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "fixed/src/double_send/tasks.rs",
                double_send::solution_default_tasks::Watcher::new,
                double_send::solution_default_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/tasks/solution/buffered",
        file: "fixed/src/double_send/buffered/tasks.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "fixed/src/double_send/buffered/tasks.rs",
                double_send::solution_buffered_tasks::Watcher::new,
                double_send::solution_buffered_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/tasks/solution/drop_aware",
        file: "fixed/src/double_send/drop_aware/tasks.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "fixed/src/double_send/drop_aware/tasks.rs",
                double_send::solution_drop_aware_tasks::Watcher::new,
                double_send::solution_drop_aware_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/tasks/right/mpsc_closed_select",
        file: "leaky/exercises/double_send/right/mpsc_closed_select/tasks.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/double_send/right/mpsc_closed_select/tasks.rs",
                double_send::right_mpsc_closed_select_tasks::Watcher::new,
                double_send::right_mpsc_closed_select_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/tasks/right/sender_closed_future",
        file: "leaky/exercises/double_send/right/sender_closed_future/tasks.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/double_send/right/sender_closed_future/tasks.rs",
                double_send::right_sender_closed_future_tasks::Watcher::new,
                double_send::right_sender_closed_future_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/tasks/wrong/abort_on_timeout",
        file: "leaky/exercises/double_send/wrong/abort_on_timeout/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/double_send/wrong/abort_on_timeout/tasks.rs",
                double_send::wrong_abort_on_timeout_tasks::Watcher::new,
                double_send::wrong_abort_on_timeout_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/tasks/wrong/await_worker",
        file: "leaky/exercises/double_send/wrong/await_worker/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/double_send/wrong/await_worker/tasks.rs",
                double_send::wrong_await_worker_tasks::Watcher::new,
                double_send::wrong_await_worker_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/tasks/wrong/cancel_before_each_return",
        file: "leaky/exercises/double_send/wrong/cancel_before_each_return/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/double_send/wrong/cancel_before_each_return/tasks.rs",
                double_send::wrong_cancel_before_each_return_tasks::Watcher::new,
                double_send::wrong_cancel_before_each_return_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/tasks/wrong/check_cap",
        file: "leaky/exercises/double_send/wrong/check_cap/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/double_send/wrong/check_cap/tasks.rs",
                double_send::wrong_check_cap_tasks::Watcher::new,
                double_send::wrong_check_cap_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/tasks/wrong/drop_block_on",
        file: "leaky/exercises/double_send/wrong/drop_block_on/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/double_send/wrong/drop_block_on/tasks.rs",
                double_send::wrong_drop_block_on_tasks::Watcher::new,
                double_send::wrong_drop_block_on_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/tasks/wrong/first_report_no_deadline",
        file: "leaky/exercises/double_send/wrong/first_report_no_deadline/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/double_send/wrong/first_report_no_deadline/tasks.rs",
                double_send::wrong_first_report_no_deadline_tasks::Watcher::new,
                double_send::wrong_first_report_no_deadline_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/tasks/wrong/grace_after_deadline",
        file: "leaky/exercises/double_send/wrong/grace_after_deadline/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/double_send/wrong/grace_after_deadline/tasks.rs",
                double_send::wrong_grace_after_deadline_tasks::Watcher::new,
                double_send::wrong_grace_after_deadline_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/tasks/wrong/latest_report_on_watch",
        file: "leaky/exercises/double_send/wrong/latest_report_on_watch/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/double_send/wrong/latest_report_on_watch/tasks.rs",
                double_send::wrong_latest_report_on_watch_tasks::Watcher::new,
                double_send::wrong_latest_report_on_watch_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/tasks/wrong/read_until_ready",
        file: "leaky/exercises/double_send/wrong/read_until_ready/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/double_send/wrong/read_until_ready/tasks.rs",
                double_send::wrong_read_until_ready_tasks::Watcher::new,
                double_send::wrong_read_until_ready_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/tasks/wrong/ready_flag_on_watcher",
        file: "leaky/exercises/double_send/wrong/ready_flag_on_watcher/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/double_send/wrong/ready_flag_on_watcher/tasks.rs",
                double_send::wrong_ready_flag_on_watcher_tasks::Watcher::new,
                double_send::wrong_ready_flag_on_watcher_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/tasks/wrong/room_for_both",
        file: "leaky/exercises/double_send/wrong/room_for_both/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/double_send/wrong/room_for_both/tasks.rs",
                double_send::wrong_room_for_both_tasks::Watcher::new,
                double_send::wrong_room_for_both_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/tasks/wrong/second_report_is_the_answer",
        file: "leaky/exercises/double_send/wrong/second_report_is_the_answer/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/double_send/wrong/second_report_is_the_answer/tasks.rs",
                double_send::wrong_second_report_is_the_answer_tasks::Watcher::new,
                double_send::wrong_second_report_is_the_answer_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/tasks/wrong/select_pattern_disables_branch",
        file: "leaky/exercises/double_send/wrong/select_pattern_disables_branch/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/double_send/wrong/select_pattern_disables_branch/tasks.rs",
                double_send::wrong_select_pattern_disables_branch_tasks::Watcher::new,
                double_send::wrong_select_pattern_disables_branch_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/tasks/wrong/send_unwrap",
        file: "leaky/exercises/double_send/wrong/send_unwrap/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/double_send/wrong/send_unwrap/tasks.rs",
                double_send::wrong_send_unwrap_tasks::Watcher::new,
                double_send::wrong_send_unwrap_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/tasks/wrong/shared_worker",
        file: "leaky/exercises/double_send/wrong/shared_worker/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/double_send/wrong/shared_worker/tasks.rs",
                double_send::wrong_shared_worker_tasks::Watcher::new,
                double_send::wrong_shared_worker_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/tasks/wrong/std_clock_in_task",
        file: "leaky/exercises/double_send/wrong/std_clock_in_task/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/double_send/wrong/std_clock_in_task/tasks.rs",
                double_send::wrong_std_clock_in_task_tasks::Watcher::new,
                double_send::wrong_std_clock_in_task_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/tasks/wrong/thread_local_channel",
        file: "leaky/exercises/double_send/wrong/thread_local_channel/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/double_send/wrong/thread_local_channel/tasks.rs",
                double_send::wrong_thread_local_channel_tasks::Watcher::new,
                double_send::wrong_thread_local_channel_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "double_send/tasks/wrong/try_send",
        file: "leaky/exercises/double_send/wrong/try_send/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/double_send/wrong/try_send/tasks.rs",
                double_send::wrong_try_send_tasks::Watcher::new,
                double_send::wrong_try_send_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/threads/shipped",
        file: "leaky/src/endless_ticker/threads.rs",
        kind: Kind::Shipped,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/src/endless_ticker/threads.rs",
                leaky::endless_ticker::threads::Watcher::new,
                leaky::endless_ticker::threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/threads/solution/default",
        file: "fixed/src/endless_ticker/threads.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "fixed/src/endless_ticker/threads.rs",
                endless_ticker::solution_default_threads::Watcher::new,
                endless_ticker::solution_default_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/threads/solution/closed",
        file: "fixed/src/endless_ticker/closed/threads.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "fixed/src/endless_ticker/closed/threads.rs",
                endless_ticker::solution_closed_threads::Watcher::new,
                endless_ticker::solution_closed_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/threads/right/condvar_per_call",
        file: "leaky/exercises/endless_ticker/right/condvar_per_call/threads.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/endless_ticker/right/condvar_per_call/threads.rs",
                endless_ticker::right_condvar_per_call_threads::Watcher::new,
                endless_ticker::right_condvar_per_call_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/threads/right/watcher_worker",
        file: "leaky/exercises/endless_ticker/right/watcher_worker/threads.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/endless_ticker/right/watcher_worker/threads.rs",
                endless_ticker::right_watcher_worker_threads::Watcher::new,
                endless_ticker::right_watcher_worker_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/threads/wrong/check_cap",
        file: "leaky/exercises/endless_ticker/wrong/check_cap/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/check_cap/threads.rs",
                endless_ticker::wrong_check_cap_threads::Watcher::new,
                endless_ticker::wrong_check_cap_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/threads/wrong/closed_is_ready",
        file: "leaky/exercises/endless_ticker/wrong/closed_is_ready/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/closed_is_ready/threads.rs",
                endless_ticker::wrong_closed_is_ready_threads::Watcher::new,
                endless_ticker::wrong_closed_is_ready_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/threads/wrong/deadline_for_the_check",
        file: "leaky/exercises/endless_ticker/wrong/deadline_for_the_check/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/deadline_for_the_check/threads.rs",
                endless_ticker::wrong_deadline_for_the_check_threads::Watcher::new,
                endless_ticker::wrong_deadline_for_the_check_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/threads/wrong/drop_joins_workers",
        file: "leaky/exercises/endless_ticker/wrong/drop_joins_workers/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/drop_joins_workers/threads.rs",
                endless_ticker::wrong_drop_joins_workers_threads::Watcher::new,
                endless_ticker::wrong_drop_joins_workers_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/threads/wrong/flag_after_pass",
        file: "leaky/exercises/endless_ticker/wrong/flag_after_pass/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/flag_after_pass/threads.rs",
                endless_ticker::wrong_flag_after_pass_threads::Watcher::new,
                endless_ticker::wrong_flag_after_pass_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/threads/wrong/flag_never_read",
        file: "leaky/exercises/endless_ticker/wrong/flag_never_read/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/flag_never_read/threads.rs",
                endless_ticker::wrong_flag_never_read_threads::Watcher::new,
                endless_ticker::wrong_flag_never_read_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/threads/wrong/gives_up_a_tick_early",
        file: "leaky/exercises/endless_ticker/wrong/gives_up_a_tick_early/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/gives_up_a_tick_early/threads.rs",
                endless_ticker::wrong_gives_up_a_tick_early_threads::Watcher::new,
                endless_ticker::wrong_gives_up_a_tick_early_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/threads/wrong/join_worker",
        file: "leaky/exercises/endless_ticker/wrong/join_worker/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/join_worker/threads.rs",
                endless_ticker::wrong_join_worker_threads::Watcher::new,
                endless_ticker::wrong_join_worker_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/threads/wrong/keep_handle",
        file: "leaky/exercises/endless_ticker/wrong/keep_handle/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/keep_handle/threads.rs",
                endless_ticker::wrong_keep_handle_threads::Watcher::new,
                endless_ticker::wrong_keep_handle_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/threads/wrong/one_call_at_a_time",
        file: "leaky/exercises/endless_ticker/wrong/one_call_at_a_time/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/one_call_at_a_time/threads.rs",
                endless_ticker::wrong_one_call_at_a_time_threads::Watcher::new,
                endless_ticker::wrong_one_call_at_a_time_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/threads/wrong/one_check",
        file: "leaky/exercises/endless_ticker/wrong/one_check/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/one_check/threads.rs",
                endless_ticker::wrong_one_check_threads::Watcher::new,
                endless_ticker::wrong_one_check_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/threads/wrong/scope_join_check",
        file: "leaky/exercises/endless_ticker/wrong/scope_join_check/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/scope_join_check/threads.rs",
                endless_ticker::wrong_scope_join_check_threads::Watcher::new,
                endless_ticker::wrong_scope_join_check_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/threads/wrong/send_unwrap",
        file: "leaky/exercises/endless_ticker/wrong/send_unwrap/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/send_unwrap/threads.rs",
                endless_ticker::wrong_send_unwrap_threads::Watcher::new,
                endless_ticker::wrong_send_unwrap_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/threads/wrong/shared_worker_latecomers",
        file: "leaky/exercises/endless_ticker/wrong/shared_worker_latecomers/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/shared_worker_latecomers/threads.rs",
                endless_ticker::wrong_shared_worker_latecomers_threads::Watcher::new,
                endless_ticker::wrong_shared_worker_latecomers_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/threads/wrong/stop_when_nobody_waits",
        file: "leaky/exercises/endless_ticker/wrong/stop_when_nobody_waits/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/stop_when_nobody_waits/threads.rs",
                endless_ticker::wrong_stop_when_nobody_waits_threads::Watcher::new,
                endless_ticker::wrong_stop_when_nobody_waits_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/threads/wrong/thread_local_stop",
        file: "leaky/exercises/endless_ticker/wrong/thread_local_stop/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/thread_local_stop/threads.rs",
                endless_ticker::wrong_thread_local_stop_threads::Watcher::new,
                endless_ticker::wrong_thread_local_stop_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/threads/wrong/worker_reused_through_mutex",
        file: "leaky/exercises/endless_ticker/wrong/worker_reused_through_mutex/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/worker_reused_through_mutex/threads.rs",
                endless_ticker::wrong_worker_reused_through_mutex_threads::Watcher::new,
                endless_ticker::wrong_worker_reused_through_mutex_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/tasks/shipped",
        file: "leaky/src/endless_ticker/tasks.rs",
        kind: Kind::Shipped,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/src/endless_ticker/tasks.rs",
                leaky::endless_ticker::tasks::Watcher::new,
                leaky::endless_ticker::tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/tasks/solution/default",
        file: "fixed/src/endless_ticker/tasks.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "fixed/src/endless_ticker/tasks.rs",
                endless_ticker::solution_default_tasks::Watcher::new,
                endless_ticker::solution_default_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/tasks/solution/closed",
        file: "fixed/src/endless_ticker/closed/tasks.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "fixed/src/endless_ticker/closed/tasks.rs",
                endless_ticker::solution_closed_tasks::Watcher::new,
                endless_ticker::solution_closed_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/tasks/right/closed_receiver_ends_it",
        file: "leaky/exercises/endless_ticker/right/closed_receiver_ends_it/tasks.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/endless_ticker/right/closed_receiver_ends_it/tasks.rs",
                endless_ticker::right_closed_receiver_ends_it_tasks::Watcher::new,
                endless_ticker::right_closed_receiver_ends_it_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/tasks/right/watch_cancel",
        file: "leaky/exercises/endless_ticker/right/watch_cancel/tasks.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/endless_ticker/right/watch_cancel/tasks.rs",
                endless_ticker::right_watch_cancel_tasks::Watcher::new,
                endless_ticker::right_watch_cancel_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/tasks/wrong/abort_after_the_await",
        file: "leaky/exercises/endless_ticker/wrong/abort_after_the_await/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/abort_after_the_await/tasks.rs",
                endless_ticker::wrong_abort_after_the_await_tasks::Watcher::new,
                endless_ticker::wrong_abort_after_the_await_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/tasks/wrong/answer_cached_for_a_tick",
        file: "leaky/exercises/endless_ticker/wrong/answer_cached_for_a_tick/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/answer_cached_for_a_tick/tasks.rs",
                endless_ticker::wrong_answer_cached_for_a_tick_tasks::Watcher::new,
                endless_ticker::wrong_answer_cached_for_a_tick_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/tasks/wrong/await_worker",
        file: "leaky/exercises/endless_ticker/wrong/await_worker/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/await_worker/tasks.rs",
                endless_ticker::wrong_await_worker_tasks::Watcher::new,
                endless_ticker::wrong_await_worker_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/tasks/wrong/cancel_on_timeout",
        file: "leaky/exercises/endless_ticker/wrong/cancel_on_timeout/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/cancel_on_timeout/tasks.rs",
                endless_ticker::wrong_cancel_on_timeout_tasks::Watcher::new,
                endless_ticker::wrong_cancel_on_timeout_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/tasks/wrong/closed_is_ready",
        file: "leaky/exercises/endless_ticker/wrong/closed_is_ready/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/closed_is_ready/tasks.rs",
                endless_ticker::wrong_closed_is_ready_tasks::Watcher::new,
                endless_ticker::wrong_closed_is_ready_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/tasks/wrong/drop_block_on",
        file: "leaky/exercises/endless_ticker/wrong/drop_block_on/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/drop_block_on/tasks.rs",
                endless_ticker::wrong_drop_block_on_tasks::Watcher::new,
                endless_ticker::wrong_drop_block_on_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/tasks/wrong/drop_guard_discarded",
        file: "leaky/exercises/endless_ticker/wrong/drop_guard_discarded/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/drop_guard_discarded/tasks.rs",
                endless_ticker::wrong_drop_guard_discarded_tasks::Watcher::new,
                endless_ticker::wrong_drop_guard_discarded_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/tasks/wrong/drop_handle",
        file: "leaky/exercises/endless_ticker/wrong/drop_handle/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/drop_handle/tasks.rs",
                endless_ticker::wrong_drop_handle_tasks::Watcher::new,
                endless_ticker::wrong_drop_handle_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/tasks/wrong/drop_spawns_the_reaper",
        file: "leaky/exercises/endless_ticker/wrong/drop_spawns_the_reaper/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/drop_spawns_the_reaper/tasks.rs",
                endless_ticker::wrong_drop_spawns_the_reaper_tasks::Watcher::new,
                endless_ticker::wrong_drop_spawns_the_reaper_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/tasks/wrong/dropped_token_not_cancelled",
        file: "leaky/exercises/endless_ticker/wrong/dropped_token_not_cancelled/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/dropped_token_not_cancelled/tasks.rs",
                endless_ticker::wrong_dropped_token_not_cancelled_tasks::Watcher::new,
                endless_ticker::wrong_dropped_token_not_cancelled_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/tasks/wrong/flag_after_pass",
        file: "leaky/exercises/endless_ticker/wrong/flag_after_pass/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/flag_after_pass/tasks.rs",
                endless_ticker::wrong_flag_after_pass_tasks::Watcher::new,
                endless_ticker::wrong_flag_after_pass_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/tasks/wrong/generous_cap",
        file: "leaky/exercises/endless_ticker/wrong/generous_cap/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/generous_cap/tasks.rs",
                endless_ticker::wrong_generous_cap_tasks::Watcher::new,
                endless_ticker::wrong_generous_cap_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/tasks/wrong/grace_after_deadline",
        file: "leaky/exercises/endless_ticker/wrong/grace_after_deadline/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/grace_after_deadline/tasks.rs",
                endless_ticker::wrong_grace_after_deadline_tasks::Watcher::new,
                endless_ticker::wrong_grace_after_deadline_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/tasks/wrong/longer_timeout",
        file: "leaky/exercises/endless_ticker/wrong/longer_timeout/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/longer_timeout/tasks.rs",
                endless_ticker::wrong_longer_timeout_tasks::Watcher::new,
                endless_ticker::wrong_longer_timeout_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/tasks/wrong/notify_waiters_stop",
        file: "leaky/exercises/endless_ticker/wrong/notify_waiters_stop/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/notify_waiters_stop/tasks.rs",
                endless_ticker::wrong_notify_waiters_stop_tasks::Watcher::new,
                endless_ticker::wrong_notify_waiters_stop_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/tasks/wrong/one_check",
        file: "leaky/exercises/endless_ticker/wrong/one_check/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/one_check/tasks.rs",
                endless_ticker::wrong_one_check_tasks::Watcher::new,
                endless_ticker::wrong_one_check_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/tasks/wrong/send_unwrap",
        file: "leaky/exercises/endless_ticker/wrong/send_unwrap/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/send_unwrap/tasks.rs",
                endless_ticker::wrong_send_unwrap_tasks::Watcher::new,
                endless_ticker::wrong_send_unwrap_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/tasks/wrong/shared_worker",
        file: "leaky/exercises/endless_ticker/wrong/shared_worker/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/shared_worker/tasks.rs",
                endless_ticker::wrong_shared_worker_tasks::Watcher::new,
                endless_ticker::wrong_shared_worker_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "endless_ticker/tasks/wrong/thread_local_stop",
        file: "leaky/exercises/endless_ticker/wrong/thread_local_stop/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/endless_ticker/wrong/thread_local_stop/tasks.rs",
                endless_ticker::wrong_thread_local_stop_tasks::Watcher::new,
                endless_ticker::wrong_thread_local_stop_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/threads/shipped",
        file: "leaky/src/unclosed_channel/threads.rs",
        kind: Kind::Shipped,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/src/unclosed_channel/threads.rs",
                leaky::unclosed_channel::threads::Watcher::new,
                leaky::unclosed_channel::threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/threads/solution/default",
        file: "fixed/src/unclosed_channel/threads.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "fixed/src/unclosed_channel/threads.rs",
                unclosed_channel::solution_default_threads::Watcher::new,
                unclosed_channel::solution_default_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/threads/solution/weak_sender",
        file: "fixed/src/unclosed_channel/weak_sender/threads.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "fixed/src/unclosed_channel/weak_sender/threads.rs",
                unclosed_channel::solution_weak_sender_threads::Watcher::new,
                unclosed_channel::solution_weak_sender_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/threads/solution/shutdown",
        file: "fixed/src/unclosed_channel/shutdown/threads.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "fixed/src/unclosed_channel/shutdown/threads.rs",
                unclosed_channel::solution_shutdown_threads::Watcher::new,
                unclosed_channel::solution_shutdown_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/threads/right/retry_timer_biased",
        file: "leaky/exercises/unclosed_channel/right/retry_timer_biased/threads.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/unclosed_channel/right/retry_timer_biased/threads.rs",
                unclosed_channel::right_retry_timer_biased_threads::Watcher::new,
                unclosed_channel::right_retry_timer_biased_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/threads/right/select_cancel",
        file: "leaky/exercises/unclosed_channel/right/select_cancel/threads.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/unclosed_channel/right/select_cancel/threads.rs",
                unclosed_channel::right_select_cancel_threads::Watcher::new,
                unclosed_channel::right_select_cancel_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/threads/wrong/answer_unwrap",
        file: "leaky/exercises/unclosed_channel/wrong/answer_unwrap/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/unclosed_channel/wrong/answer_unwrap/threads.rs",
                unclosed_channel::wrong_answer_unwrap_threads::Watcher::new,
                unclosed_channel::wrong_answer_unwrap_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/threads/wrong/bigger_queue",
        file: "leaky/exercises/unclosed_channel/wrong/bigger_queue/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/unclosed_channel/wrong/bigger_queue/threads.rs",
                unclosed_channel::wrong_bigger_queue_threads::Watcher::new,
                unclosed_channel::wrong_bigger_queue_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/threads/wrong/deadline_exit_on_request",
        file: "leaky/exercises/unclosed_channel/wrong/deadline_exit_on_request/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/unclosed_channel/wrong/deadline_exit_on_request/threads.rs",
                unclosed_channel::wrong_deadline_exit_on_request_threads::Watcher::new,
                unclosed_channel::wrong_deadline_exit_on_request_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/threads/wrong/drop_call_sender",
        file: "leaky/exercises/unclosed_channel/wrong/drop_call_sender/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/unclosed_channel/wrong/drop_call_sender/threads.rs",
                unclosed_channel::wrong_drop_call_sender_threads::Watcher::new,
                unclosed_channel::wrong_drop_call_sender_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/threads/wrong/drop_joins_workers",
        file: "leaky/exercises/unclosed_channel/wrong/drop_joins_workers/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/unclosed_channel/wrong/drop_joins_workers/threads.rs",
                unclosed_channel::wrong_drop_joins_workers_threads::Watcher::new,
                unclosed_channel::wrong_drop_joins_workers_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/threads/wrong/grace_after_deadline",
        file: "leaky/exercises/unclosed_channel/wrong/grace_after_deadline/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/unclosed_channel/wrong/grace_after_deadline/threads.rs",
                unclosed_channel::wrong_grace_after_deadline_threads::Watcher::new,
                unclosed_channel::wrong_grace_after_deadline_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/threads/wrong/join_worker",
        file: "leaky/exercises/unclosed_channel/wrong/join_worker/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/unclosed_channel/wrong/join_worker/threads.rs",
                unclosed_channel::wrong_join_worker_threads::Watcher::new,
                unclosed_channel::wrong_join_worker_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/threads/wrong/rendezvous_shutdown_message",
        file: "leaky/exercises/unclosed_channel/wrong/rendezvous_shutdown_message/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/unclosed_channel/wrong/rendezvous_shutdown_message/threads.rs",
                unclosed_channel::wrong_rendezvous_shutdown_message_threads::Watcher::new,
                unclosed_channel::wrong_rendezvous_shutdown_message_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/threads/wrong/requests_sent_blocking",
        file: "leaky/exercises/unclosed_channel/wrong/requests_sent_blocking/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/unclosed_channel/wrong/requests_sent_blocking/threads.rs",
                unclosed_channel::wrong_requests_sent_blocking_threads::Watcher::new,
                unclosed_channel::wrong_requests_sent_blocking_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/threads/wrong/return_on_ready",
        file: "leaky/exercises/unclosed_channel/wrong/return_on_ready/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/unclosed_channel/wrong/return_on_ready/threads.rs",
                unclosed_channel::wrong_return_on_ready_threads::Watcher::new,
                unclosed_channel::wrong_return_on_ready_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/threads/wrong/stop_flag_on_watcher",
        file: "leaky/exercises/unclosed_channel/wrong/stop_flag_on_watcher/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/unclosed_channel/wrong/stop_flag_on_watcher/threads.rs",
                unclosed_channel::wrong_stop_flag_on_watcher_threads::Watcher::new,
                unclosed_channel::wrong_stop_flag_on_watcher_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/threads/wrong/thread_local_answer",
        file: "leaky/exercises/unclosed_channel/wrong/thread_local_answer/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/unclosed_channel/wrong/thread_local_answer/threads.rs",
                unclosed_channel::wrong_thread_local_answer_threads::Watcher::new,
                unclosed_channel::wrong_thread_local_answer_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/threads/wrong/weak_upgraded_and_kept",
        file: "leaky/exercises/unclosed_channel/wrong/weak_upgraded_and_kept/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/unclosed_channel/wrong/weak_upgraded_and_kept/threads.rs",
                unclosed_channel::wrong_weak_upgraded_and_kept_threads::Watcher::new,
                unclosed_channel::wrong_weak_upgraded_and_kept_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/threads/wrong/worker_in_watcher",
        file: "leaky/exercises/unclosed_channel/wrong/worker_in_watcher/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/unclosed_channel/wrong/worker_in_watcher/threads.rs",
                unclosed_channel::wrong_worker_in_watcher_threads::Watcher::new,
                unclosed_channel::wrong_worker_in_watcher_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/tasks/shipped",
        file: "leaky/src/unclosed_channel/tasks.rs",
        kind: Kind::Shipped,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/src/unclosed_channel/tasks.rs",
                leaky::unclosed_channel::tasks::Watcher::new,
                leaky::unclosed_channel::tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/tasks/solution/default",
        file: "fixed/src/unclosed_channel/tasks.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "fixed/src/unclosed_channel/tasks.rs",
                unclosed_channel::solution_default_tasks::Watcher::new,
                unclosed_channel::solution_default_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/tasks/solution/weak_sender",
        file: "fixed/src/unclosed_channel/weak_sender/tasks.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "fixed/src/unclosed_channel/weak_sender/tasks.rs",
                unclosed_channel::solution_weak_sender_tasks::Watcher::new,
                unclosed_channel::solution_weak_sender_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/tasks/solution/shutdown",
        file: "fixed/src/unclosed_channel/shutdown/tasks.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "fixed/src/unclosed_channel/shutdown/tasks.rs",
                unclosed_channel::solution_shutdown_tasks::Watcher::new,
                unclosed_channel::solution_shutdown_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/tasks/right/abort_guard",
        file: "leaky/exercises/unclosed_channel/right/abort_guard/tasks.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/unclosed_channel/right/abort_guard/tasks.rs",
                unclosed_channel::right_abort_guard_tasks::Watcher::new,
                unclosed_channel::right_abort_guard_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/tasks/right/close_on_drop",
        file: "leaky/exercises/unclosed_channel/right/close_on_drop/tasks.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/unclosed_channel/right/close_on_drop/tasks.rs",
                unclosed_channel::right_close_on_drop_tasks::Watcher::new,
                unclosed_channel::right_close_on_drop_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/tasks/wrong/answer_channel_closed",
        file: "leaky/exercises/unclosed_channel/wrong/answer_channel_closed/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/unclosed_channel/wrong/answer_channel_closed/tasks.rs",
                unclosed_channel::wrong_answer_channel_closed_tasks::Watcher::new,
                unclosed_channel::wrong_answer_channel_closed_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/tasks/wrong/await_worker",
        file: "leaky/exercises/unclosed_channel/wrong/await_worker/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/unclosed_channel/wrong/await_worker/tasks.rs",
                unclosed_channel::wrong_await_worker_tasks::Watcher::new,
                unclosed_channel::wrong_await_worker_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/tasks/wrong/close_on_ok_only",
        file: "leaky/exercises/unclosed_channel/wrong/close_on_ok_only/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/unclosed_channel/wrong/close_on_ok_only/tasks.rs",
                unclosed_channel::wrong_close_on_ok_only_tasks::Watcher::new,
                unclosed_channel::wrong_close_on_ok_only_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/tasks/wrong/close_on_return",
        file: "leaky/exercises/unclosed_channel/wrong/close_on_return/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/unclosed_channel/wrong/close_on_return/tasks.rs",
                unclosed_channel::wrong_close_on_return_tasks::Watcher::new,
                unclosed_channel::wrong_close_on_return_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/tasks/wrong/drop_call_sender",
        file: "leaky/exercises/unclosed_channel/wrong/drop_call_sender/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/unclosed_channel/wrong/drop_call_sender/tasks.rs",
                unclosed_channel::wrong_drop_call_sender_tasks::Watcher::new,
                unclosed_channel::wrong_drop_call_sender_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/tasks/wrong/drop_waits_on_a_thread",
        file: "leaky/exercises/unclosed_channel/wrong/drop_waits_on_a_thread/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/unclosed_channel/wrong/drop_waits_on_a_thread/tasks.rs",
                unclosed_channel::wrong_drop_waits_on_a_thread_tasks::Watcher::new,
                unclosed_channel::wrong_drop_waits_on_a_thread_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/tasks/wrong/one_call_at_a_time",
        file: "leaky/exercises/unclosed_channel/wrong/one_call_at_a_time/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/unclosed_channel/wrong/one_call_at_a_time/tasks.rs",
                unclosed_channel::wrong_one_call_at_a_time_tasks::Watcher::new,
                unclosed_channel::wrong_one_call_at_a_time_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/tasks/wrong/one_server_per_watcher",
        file: "leaky/exercises/unclosed_channel/wrong/one_server_per_watcher/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/unclosed_channel/wrong/one_server_per_watcher/tasks.rs",
                unclosed_channel::wrong_one_server_per_watcher_tasks::Watcher::new,
                unclosed_channel::wrong_one_server_per_watcher_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/tasks/wrong/retry_cap",
        file: "leaky/exercises/unclosed_channel/wrong/retry_cap/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/unclosed_channel/wrong/retry_cap/tasks.rs",
                unclosed_channel::wrong_retry_cap_tasks::Watcher::new,
                unclosed_channel::wrong_retry_cap_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/tasks/wrong/retry_loop_inside",
        file: "leaky/exercises/unclosed_channel/wrong/retry_loop_inside/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/unclosed_channel/wrong/retry_loop_inside/tasks.rs",
                unclosed_channel::wrong_retry_loop_inside_tasks::Watcher::new,
                unclosed_channel::wrong_retry_loop_inside_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/tasks/wrong/return_on_ready",
        file: "leaky/exercises/unclosed_channel/wrong/return_on_ready/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/unclosed_channel/wrong/return_on_ready/tasks.rs",
                unclosed_channel::wrong_return_on_ready_tasks::Watcher::new,
                unclosed_channel::wrong_return_on_ready_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/tasks/wrong/send_unwrap",
        file: "leaky/exercises/unclosed_channel/wrong/send_unwrap/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/unclosed_channel/wrong/send_unwrap/tasks.rs",
                unclosed_channel::wrong_send_unwrap_tasks::Watcher::new,
                unclosed_channel::wrong_send_unwrap_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/tasks/wrong/shared_server",
        file: "leaky/exercises/unclosed_channel/wrong/shared_server/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/unclosed_channel/wrong/shared_server/tasks.rs",
                unclosed_channel::wrong_shared_server_tasks::Watcher::new,
                unclosed_channel::wrong_shared_server_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/tasks/wrong/stop_flag_on_watcher",
        file: "leaky/exercises/unclosed_channel/wrong/stop_flag_on_watcher/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/unclosed_channel/wrong/stop_flag_on_watcher/tasks.rs",
                unclosed_channel::wrong_stop_flag_on_watcher_tasks::Watcher::new,
                unclosed_channel::wrong_stop_flag_on_watcher_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/tasks/wrong/thread_local_answer",
        file: "leaky/exercises/unclosed_channel/wrong/thread_local_answer/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/unclosed_channel/wrong/thread_local_answer/tasks.rs",
                unclosed_channel::wrong_thread_local_answer_tasks::Watcher::new,
                unclosed_channel::wrong_thread_local_answer_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "unclosed_channel/tasks/wrong/weak_upgraded_once",
        file: "leaky/exercises/unclosed_channel/wrong/weak_upgraded_once/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/unclosed_channel/wrong/weak_upgraded_once/tasks.rs",
                unclosed_channel::wrong_weak_upgraded_once_tasks::Watcher::new,
                unclosed_channel::wrong_weak_upgraded_once_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/threads/shipped",
        file: "leaky/src/forgotten_stop/threads.rs",
        kind: Kind::Shipped,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/src/forgotten_stop/threads.rs",
                leaky::forgotten_stop::threads::Watcher::new,
                leaky::forgotten_stop::threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/threads/solution/default",
        file: "fixed/src/forgotten_stop/threads.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "fixed/src/forgotten_stop/threads.rs",
                forgotten_stop::solution_default_threads::Watcher::new,
                forgotten_stop::solution_default_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/threads/right/drop_raises_flag_only",
        file: "leaky/exercises/forgotten_stop/right/drop_raises_flag_only/threads.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/forgotten_stop/right/drop_raises_flag_only/threads.rs",
                forgotten_stop::right_drop_raises_flag_only_threads::Watcher::new,
                forgotten_stop::right_drop_raises_flag_only_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/threads/right/stop_channel_drop",
        file: "leaky/exercises/forgotten_stop/right/stop_channel_drop/threads.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/forgotten_stop/right/stop_channel_drop/threads.rs",
                forgotten_stop::right_stop_channel_drop_threads::Watcher::new,
                forgotten_stop::right_stop_channel_drop_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/threads/wrong/drop_after_stop_panics",
        file: "leaky/exercises/forgotten_stop/wrong/drop_after_stop_panics/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/forgotten_stop/wrong/drop_after_stop_panics/threads.rs",
                forgotten_stop::wrong_drop_after_stop_panics_threads::Watcher::new,
                forgotten_stop::wrong_drop_after_stop_panics_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/threads/wrong/drop_joins_an_unbounded_check",
        file: "leaky/exercises/forgotten_stop/wrong/drop_joins_an_unbounded_check/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/forgotten_stop/wrong/drop_joins_an_unbounded_check/threads.rs",
                forgotten_stop::wrong_drop_joins_an_unbounded_check_threads::Watcher::new,
                forgotten_stop::wrong_drop_joins_an_unbounded_check_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/threads/wrong/drop_joins_pollers",
        file: "leaky/exercises/forgotten_stop/wrong/drop_joins_pollers/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/forgotten_stop/wrong/drop_joins_pollers/threads.rs",
                forgotten_stop::wrong_drop_joins_pollers_threads::Watcher::new,
                forgotten_stop::wrong_drop_joins_pollers_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/threads/wrong/drop_poller",
        file: "leaky/exercises/forgotten_stop/wrong/drop_poller/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/forgotten_stop/wrong/drop_poller/threads.rs",
                forgotten_stop::wrong_drop_poller_threads::Watcher::new,
                forgotten_stop::wrong_drop_poller_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/threads/wrong/join_without_stop",
        file: "leaky/exercises/forgotten_stop/wrong/join_without_stop/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/forgotten_stop/wrong/join_without_stop/threads.rs",
                forgotten_stop::wrong_join_without_stop_threads::Watcher::new,
                forgotten_stop::wrong_join_without_stop_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/threads/wrong/last_chance_wait",
        file: "leaky/exercises/forgotten_stop/wrong/last_chance_wait/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/forgotten_stop/wrong/last_chance_wait/threads.rs",
                forgotten_stop::wrong_last_chance_wait_threads::Watcher::new,
                forgotten_stop::wrong_last_chance_wait_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/threads/wrong/poller_on_watcher",
        file: "leaky/exercises/forgotten_stop/wrong/poller_on_watcher/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/forgotten_stop/wrong/poller_on_watcher/threads.rs",
                forgotten_stop::wrong_poller_on_watcher_threads::Watcher::new,
                forgotten_stop::wrong_poller_on_watcher_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/threads/wrong/poller_own_timeout",
        file: "leaky/exercises/forgotten_stop/wrong/poller_own_timeout/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/forgotten_stop/wrong/poller_own_timeout/threads.rs",
                forgotten_stop::wrong_poller_own_timeout_threads::Watcher::new,
                forgotten_stop::wrong_poller_own_timeout_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/threads/wrong/ready_flag_on_the_watcher",
        file: "leaky/exercises/forgotten_stop/wrong/ready_flag_on_the_watcher/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/forgotten_stop/wrong/ready_flag_on_the_watcher/threads.rs",
                forgotten_stop::wrong_ready_flag_on_the_watcher_threads::Watcher::new,
                forgotten_stop::wrong_ready_flag_on_the_watcher_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/threads/wrong/sleep_before_return",
        file: "leaky/exercises/forgotten_stop/wrong/sleep_before_return/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/forgotten_stop/wrong/sleep_before_return/threads.rs",
                forgotten_stop::wrong_sleep_before_return_threads::Watcher::new,
                forgotten_stop::wrong_sleep_before_return_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/threads/wrong/stop_flag_on_watcher",
        file: "leaky/exercises/forgotten_stop/wrong/stop_flag_on_watcher/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/forgotten_stop/wrong/stop_flag_on_watcher/threads.rs",
                forgotten_stop::wrong_stop_flag_on_watcher_threads::Watcher::new,
                forgotten_stop::wrong_stop_flag_on_watcher_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/threads/wrong/stop_on_timeout_only",
        file: "leaky/exercises/forgotten_stop/wrong/stop_on_timeout_only/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/forgotten_stop/wrong/stop_on_timeout_only/threads.rs",
                forgotten_stop::wrong_stop_on_timeout_only_threads::Watcher::new,
                forgotten_stop::wrong_stop_on_timeout_only_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/threads/wrong/thread_local_poller",
        file: "leaky/exercises/forgotten_stop/wrong/thread_local_poller/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/forgotten_stop/wrong/thread_local_poller/threads.rs",
                forgotten_stop::wrong_thread_local_poller_threads::Watcher::new,
                forgotten_stop::wrong_thread_local_poller_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/threads/wrong/weak_flag_expect",
        file: "leaky/exercises/forgotten_stop/wrong/weak_flag_expect/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/forgotten_stop/wrong/weak_flag_expect/threads.rs",
                forgotten_stop::wrong_weak_flag_expect_threads::Watcher::new,
                forgotten_stop::wrong_weak_flag_expect_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/tasks/shipped",
        file: "leaky/src/forgotten_stop/tasks.rs",
        kind: Kind::Shipped,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/src/forgotten_stop/tasks.rs",
                leaky::forgotten_stop::tasks::Watcher::new,
                leaky::forgotten_stop::tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/tasks/solution/default",
        file: "fixed/src/forgotten_stop/tasks.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "fixed/src/forgotten_stop/tasks.rs",
                forgotten_stop::solution_default_tasks::Watcher::new,
                forgotten_stop::solution_default_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/tasks/right/cooperative_flag",
        file: "leaky/exercises/forgotten_stop/right/cooperative_flag/tasks.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/forgotten_stop/right/cooperative_flag/tasks.rs",
                forgotten_stop::right_cooperative_flag_tasks::Watcher::new,
                forgotten_stop::right_cooperative_flag_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/tasks/right/flag_instead_of_abort",
        file: "leaky/exercises/forgotten_stop/right/flag_instead_of_abort/tasks.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/forgotten_stop/right/flag_instead_of_abort/tasks.rs",
                forgotten_stop::right_flag_instead_of_abort_tasks::Watcher::new,
                forgotten_stop::right_flag_instead_of_abort_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/tasks/right/poller_token",
        file: "leaky/exercises/forgotten_stop/right/poller_token/tasks.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/forgotten_stop/right/poller_token/tasks.rs",
                forgotten_stop::right_poller_token_tasks::Watcher::new,
                forgotten_stop::right_poller_token_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/tasks/wrong/abort_all_on_return",
        file: "leaky/exercises/forgotten_stop/wrong/abort_all_on_return/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/forgotten_stop/wrong/abort_all_on_return/tasks.rs",
                forgotten_stop::wrong_abort_all_on_return_tasks::Watcher::new,
                forgotten_stop::wrong_abort_all_on_return_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/tasks/wrong/arc_cycle_keeps_poller",
        file: "leaky/exercises/forgotten_stop/wrong/arc_cycle_keeps_poller/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/forgotten_stop/wrong/arc_cycle_keeps_poller/tasks.rs",
                forgotten_stop::wrong_arc_cycle_keeps_poller_tasks::Watcher::new,
                forgotten_stop::wrong_arc_cycle_keeps_poller_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/tasks/wrong/await_without_stop",
        file: "leaky/exercises/forgotten_stop/wrong/await_without_stop/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/forgotten_stop/wrong/await_without_stop/tasks.rs",
                forgotten_stop::wrong_await_without_stop_tasks::Watcher::new,
                forgotten_stop::wrong_await_without_stop_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/tasks/wrong/deadline_read_before_flag",
        file: "leaky/exercises/forgotten_stop/wrong/deadline_read_before_flag/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/forgotten_stop/wrong/deadline_read_before_flag/tasks.rs",
                forgotten_stop::wrong_deadline_read_before_flag_tasks::Watcher::new,
                forgotten_stop::wrong_deadline_read_before_flag_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/tasks/wrong/drop_block_on",
        file: "leaky/exercises/forgotten_stop/wrong/drop_block_on/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/forgotten_stop/wrong/drop_block_on/tasks.rs",
                forgotten_stop::wrong_drop_block_on_tasks::Watcher::new,
                forgotten_stop::wrong_drop_block_on_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/tasks/wrong/drop_blocks_in_place",
        file: "leaky/exercises/forgotten_stop/wrong/drop_blocks_in_place/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/forgotten_stop/wrong/drop_blocks_in_place/tasks.rs",
                forgotten_stop::wrong_drop_blocks_in_place_tasks::Watcher::new,
                forgotten_stop::wrong_drop_blocks_in_place_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/tasks/wrong/drop_poller",
        file: "leaky/exercises/forgotten_stop/wrong/drop_poller/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/forgotten_stop/wrong/drop_poller/tasks.rs",
                forgotten_stop::wrong_drop_poller_tasks::Watcher::new,
                forgotten_stop::wrong_drop_poller_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/tasks/wrong/grace_after_deadline",
        file: "leaky/exercises/forgotten_stop/wrong/grace_after_deadline/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/forgotten_stop/wrong/grace_after_deadline/tasks.rs",
                forgotten_stop::wrong_grace_after_deadline_tasks::Watcher::new,
                forgotten_stop::wrong_grace_after_deadline_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/tasks/wrong/poller_kept_for_next_call",
        file: "leaky/exercises/forgotten_stop/wrong/poller_kept_for_next_call/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/forgotten_stop/wrong/poller_kept_for_next_call/tasks.rs",
                forgotten_stop::wrong_poller_kept_for_next_call_tasks::Watcher::new,
                forgotten_stop::wrong_poller_kept_for_next_call_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/tasks/wrong/poller_own_timeout",
        file: "leaky/exercises/forgotten_stop/wrong/poller_own_timeout/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/forgotten_stop/wrong/poller_own_timeout/tasks.rs",
                forgotten_stop::wrong_poller_own_timeout_tasks::Watcher::new,
                forgotten_stop::wrong_poller_own_timeout_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/tasks/wrong/poller_shared_watch",
        file: "leaky/exercises/forgotten_stop/wrong/poller_shared_watch/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/forgotten_stop/wrong/poller_shared_watch/tasks.rs",
                forgotten_stop::wrong_poller_shared_watch_tasks::Watcher::new,
                forgotten_stop::wrong_poller_shared_watch_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/tasks/wrong/stop_before_every_return",
        file: "leaky/exercises/forgotten_stop/wrong/stop_before_every_return/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/forgotten_stop/wrong/stop_before_every_return/tasks.rs",
                forgotten_stop::wrong_stop_before_every_return_tasks::Watcher::new,
                forgotten_stop::wrong_stop_before_every_return_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/tasks/wrong/stop_on_every_return",
        file: "leaky/exercises/forgotten_stop/wrong/stop_on_every_return/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/forgotten_stop/wrong/stop_on_every_return/tasks.rs",
                forgotten_stop::wrong_stop_on_every_return_tasks::Watcher::new,
                forgotten_stop::wrong_stop_on_every_return_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/tasks/wrong/stop_on_timeout_only",
        file: "leaky/exercises/forgotten_stop/wrong/stop_on_timeout_only/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/forgotten_stop/wrong/stop_on_timeout_only/tasks.rs",
                forgotten_stop::wrong_stop_on_timeout_only_tasks::Watcher::new,
                forgotten_stop::wrong_stop_on_timeout_only_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "forgotten_stop/tasks/wrong/weak_flag_expect",
        file: "leaky/exercises/forgotten_stop/wrong/weak_flag_expect/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/forgotten_stop/wrong/weak_flag_expect/tasks.rs",
                forgotten_stop::wrong_weak_flag_expect_tasks::Watcher::new,
                forgotten_stop::wrong_weak_flag_expect_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/threads/shipped",
        file: "leaky/src/detached_handle/threads.rs",
        kind: Kind::Shipped,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/src/detached_handle/threads.rs",
                leaky::detached_handle::threads::Watcher::new,
                leaky::detached_handle::threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/threads/solution/default",
        file: "fixed/src/detached_handle/threads.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "fixed/src/detached_handle/threads.rs",
                detached_handle::solution_default_threads::Watcher::new,
                detached_handle::solution_default_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/threads/solution/cancel_and_wait",
        file: "fixed/src/detached_handle/cancel_and_wait/threads.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "fixed/src/detached_handle/cancel_and_wait/threads.rs",
                detached_handle::solution_cancel_and_wait_threads::Watcher::new,
                detached_handle::solution_cancel_and_wait_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/threads/right/scope_cancel_select",
        file: "leaky/exercises/detached_handle/right/scope_cancel_select/threads.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/detached_handle/right/scope_cancel_select/threads.rs",
                detached_handle::right_scope_cancel_select_threads::Watcher::new,
                detached_handle::right_scope_cancel_select_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/threads/wrong/drop_joins_monitors",
        file: "leaky/exercises/detached_handle/wrong/drop_joins_monitors/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/detached_handle/wrong/drop_joins_monitors/threads.rs",
                detached_handle::wrong_drop_joins_monitors_threads::Watcher::new,
                detached_handle::wrong_drop_joins_monitors_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/threads/wrong/flag_never_read",
        file: "leaky/exercises/detached_handle/wrong/flag_never_read/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/detached_handle/wrong/flag_never_read/threads.rs",
                detached_handle::wrong_flag_never_read_threads::Watcher::new,
                detached_handle::wrong_flag_never_read_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/threads/wrong/forget_handle",
        file: "leaky/exercises/detached_handle/wrong/forget_handle/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/detached_handle/wrong/forget_handle/threads.rs",
                detached_handle::wrong_forget_handle_threads::Watcher::new,
                detached_handle::wrong_forget_handle_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/threads/wrong/guard_forgotten_on_success",
        file: "leaky/exercises/detached_handle/wrong/guard_forgotten_on_success/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/detached_handle/wrong/guard_forgotten_on_success/threads.rs",
                detached_handle::wrong_guard_forgotten_on_success_threads::Watcher::new,
                detached_handle::wrong_guard_forgotten_on_success_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/threads/wrong/handle_in_field",
        file: "leaky/exercises/detached_handle/wrong/handle_in_field/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/detached_handle/wrong/handle_in_field/threads.rs",
                detached_handle::wrong_handle_in_field_threads::Watcher::new,
                detached_handle::wrong_handle_in_field_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/threads/wrong/handles_joined_when_watcher_drops",
        file: "leaky/exercises/detached_handle/wrong/handles_joined_when_watcher_drops/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/detached_handle/wrong/handles_joined_when_watcher_drops/threads.rs",
                detached_handle::wrong_handles_joined_when_watcher_drops_threads::Watcher::new,
                detached_handle::wrong_handles_joined_when_watcher_drops_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/threads/wrong/handles_on_watcher",
        file: "leaky/exercises/detached_handle/wrong/handles_on_watcher/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/detached_handle/wrong/handles_on_watcher/threads.rs",
                detached_handle::wrong_handles_on_watcher_threads::Watcher::new,
                detached_handle::wrong_handles_on_watcher_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/threads/wrong/join_monitor",
        file: "leaky/exercises/detached_handle/wrong/join_monitor/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/detached_handle/wrong/join_monitor/threads.rs",
                detached_handle::wrong_join_monitor_threads::Watcher::new,
                detached_handle::wrong_join_monitor_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/threads/wrong/monitor_ends_when_ready",
        file: "leaky/exercises/detached_handle/wrong/monitor_ends_when_ready/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/detached_handle/wrong/monitor_ends_when_ready/threads.rs",
                detached_handle::wrong_monitor_ends_when_ready_threads::Watcher::new,
                detached_handle::wrong_monitor_ends_when_ready_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/threads/wrong/one_monitor_at_a_time",
        file: "leaky/exercises/detached_handle/wrong/one_monitor_at_a_time/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/detached_handle/wrong/one_monitor_at_a_time/threads.rs",
                detached_handle::wrong_one_monitor_at_a_time_threads::Watcher::new,
                detached_handle::wrong_one_monitor_at_a_time_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/threads/wrong/shared_monitor",
        file: "leaky/exercises/detached_handle/wrong/shared_monitor/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/detached_handle/wrong/shared_monitor/threads.rs",
                detached_handle::wrong_shared_monitor_threads::Watcher::new,
                detached_handle::wrong_shared_monitor_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/threads/wrong/stop_at_deadline",
        file: "leaky/exercises/detached_handle/wrong/stop_at_deadline/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/detached_handle/wrong/stop_at_deadline/threads.rs",
                detached_handle::wrong_stop_at_deadline_threads::Watcher::new,
                detached_handle::wrong_stop_at_deadline_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/threads/wrong/stop_flag_on_watcher",
        file: "leaky/exercises/detached_handle/wrong/stop_flag_on_watcher/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/detached_handle/wrong/stop_flag_on_watcher/threads.rs",
                detached_handle::wrong_stop_flag_on_watcher_threads::Watcher::new,
                detached_handle::wrong_stop_flag_on_watcher_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/threads/wrong/thread_local_handle",
        file: "leaky/exercises/detached_handle/wrong/thread_local_handle/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/detached_handle/wrong/thread_local_handle/threads.rs",
                detached_handle::wrong_thread_local_handle_threads::Watcher::new,
                detached_handle::wrong_thread_local_handle_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/threads/wrong/weak_flag_expect",
        file: "leaky/exercises/detached_handle/wrong/weak_flag_expect/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/detached_handle/wrong/weak_flag_expect/threads.rs",
                detached_handle::wrong_weak_flag_expect_threads::Watcher::new,
                detached_handle::wrong_weak_flag_expect_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/tasks/shipped",
        file: "leaky/src/detached_handle/tasks.rs",
        kind: Kind::Shipped,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/src/detached_handle/tasks.rs",
                leaky::detached_handle::tasks::Watcher::new,
                leaky::detached_handle::tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/tasks/solution/default",
        file: "fixed/src/detached_handle/tasks.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "fixed/src/detached_handle/tasks.rs",
                detached_handle::solution_default_tasks::Watcher::new,
                detached_handle::solution_default_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/tasks/solution/cancel_and_wait",
        file: "fixed/src/detached_handle/cancel_and_wait/tasks.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "fixed/src/detached_handle/cancel_and_wait/tasks.rs",
                detached_handle::solution_cancel_and_wait_tasks::Watcher::new,
                detached_handle::solution_cancel_and_wait_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/tasks/right/abort_on_drop_handle",
        file: "leaky/exercises/detached_handle/right/abort_on_drop_handle/tasks.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/detached_handle/right/abort_on_drop_handle/tasks.rs",
                detached_handle::right_abort_on_drop_handle_tasks::Watcher::new,
                detached_handle::right_abort_on_drop_handle_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/tasks/right/monitor_raced_in_the_call",
        file: "leaky/exercises/detached_handle/right/monitor_raced_in_the_call/tasks.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/detached_handle/right/monitor_raced_in_the_call/tasks.rs",
                detached_handle::right_monitor_raced_in_the_call_tasks::Watcher::new,
                detached_handle::right_monitor_raced_in_the_call_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/tasks/right/select_in_call",
        file: "leaky/exercises/detached_handle/right/select_in_call/tasks.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/detached_handle/right/select_in_call/tasks.rs",
                detached_handle::right_select_in_call_tasks::Watcher::new,
                detached_handle::right_select_in_call_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/tasks/wrong/abort_all_on_return",
        file: "leaky/exercises/detached_handle/wrong/abort_all_on_return/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/detached_handle/wrong/abort_all_on_return/tasks.rs",
                detached_handle::wrong_abort_all_on_return_tasks::Watcher::new,
                detached_handle::wrong_abort_all_on_return_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/tasks/wrong/abort_handle_kept",
        file: "leaky/exercises/detached_handle/wrong/abort_handle_kept/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/detached_handle/wrong/abort_handle_kept/tasks.rs",
                detached_handle::wrong_abort_handle_kept_tasks::Watcher::new,
                detached_handle::wrong_abort_handle_kept_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/tasks/wrong/abort_on_timeout",
        file: "leaky/exercises/detached_handle/wrong/abort_on_timeout/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/detached_handle/wrong/abort_on_timeout/tasks.rs",
                detached_handle::wrong_abort_on_timeout_tasks::Watcher::new,
                detached_handle::wrong_abort_on_timeout_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/tasks/wrong/await_monitor",
        file: "leaky/exercises/detached_handle/wrong/await_monitor/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/detached_handle/wrong/await_monitor/tasks.rs",
                detached_handle::wrong_await_monitor_tasks::Watcher::new,
                detached_handle::wrong_await_monitor_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/tasks/wrong/drop_waits_for_monitors",
        file: "leaky/exercises/detached_handle/wrong/drop_waits_for_monitors/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/detached_handle/wrong/drop_waits_for_monitors/tasks.rs",
                detached_handle::wrong_drop_waits_for_monitors_tasks::Watcher::new,
                detached_handle::wrong_drop_waits_for_monitors_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/tasks/wrong/handle_in_field",
        file: "leaky/exercises/detached_handle/wrong/handle_in_field/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/detached_handle/wrong/handle_in_field/tasks.rs",
                detached_handle::wrong_handle_in_field_tasks::Watcher::new,
                detached_handle::wrong_handle_in_field_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/tasks/wrong/join_set_in_watcher",
        file: "leaky/exercises/detached_handle/wrong/join_set_in_watcher/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/detached_handle/wrong/join_set_in_watcher/tasks.rs",
                detached_handle::wrong_join_set_in_watcher_tasks::Watcher::new,
                detached_handle::wrong_join_set_in_watcher_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/tasks/wrong/join_set_on_the_watcher",
        file: "leaky/exercises/detached_handle/wrong/join_set_on_the_watcher/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/detached_handle/wrong/join_set_on_the_watcher/tasks.rs",
                detached_handle::wrong_join_set_on_the_watcher_tasks::Watcher::new,
                detached_handle::wrong_join_set_on_the_watcher_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/tasks/wrong/monitor_ends_when_ready",
        file: "leaky/exercises/detached_handle/wrong/monitor_ends_when_ready/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/detached_handle/wrong/monitor_ends_when_ready/tasks.rs",
                detached_handle::wrong_monitor_ends_when_ready_tasks::Watcher::new,
                detached_handle::wrong_monitor_ends_when_ready_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/tasks/wrong/one_monitor_at_a_time",
        file: "leaky/exercises/detached_handle/wrong/one_monitor_at_a_time/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/detached_handle/wrong/one_monitor_at_a_time/tasks.rs",
                detached_handle::wrong_one_monitor_at_a_time_tasks::Watcher::new,
                detached_handle::wrong_one_monitor_at_a_time_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/tasks/wrong/one_monitor_per_watcher",
        file: "leaky/exercises/detached_handle/wrong/one_monitor_per_watcher/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/detached_handle/wrong/one_monitor_per_watcher/tasks.rs",
                detached_handle::wrong_one_monitor_per_watcher_tasks::Watcher::new,
                detached_handle::wrong_one_monitor_per_watcher_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/tasks/wrong/shared_monitor",
        file: "leaky/exercises/detached_handle/wrong/shared_monitor/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/detached_handle/wrong/shared_monitor/tasks.rs",
                detached_handle::wrong_shared_monitor_tasks::Watcher::new,
                detached_handle::wrong_shared_monitor_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/tasks/wrong/stop_at_deadline",
        file: "leaky/exercises/detached_handle/wrong/stop_at_deadline/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/detached_handle/wrong/stop_at_deadline/tasks.rs",
                detached_handle::wrong_stop_at_deadline_tasks::Watcher::new,
                detached_handle::wrong_stop_at_deadline_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/tasks/wrong/task_tracker",
        file: "leaky/exercises/detached_handle/wrong/task_tracker/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/detached_handle/wrong/task_tracker/tasks.rs",
                detached_handle::wrong_task_tracker_tasks::Watcher::new,
                detached_handle::wrong_task_tracker_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/tasks/wrong/thread_local_handle",
        file: "leaky/exercises/detached_handle/wrong/thread_local_handle/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/detached_handle/wrong/thread_local_handle/tasks.rs",
                detached_handle::wrong_thread_local_handle_tasks::Watcher::new,
                detached_handle::wrong_thread_local_handle_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/tasks/wrong/tracker_waits_a_tick",
        file: "leaky/exercises/detached_handle/wrong/tracker_waits_a_tick/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/detached_handle/wrong/tracker_waits_a_tick/tasks.rs",
                detached_handle::wrong_tracker_waits_a_tick_tasks::Watcher::new,
                detached_handle::wrong_tracker_waits_a_tick_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/tasks/wrong/tracker_waits_for_check",
        file: "leaky/exercises/detached_handle/wrong/tracker_waits_for_check/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/detached_handle/wrong/tracker_waits_for_check/tasks.rs",
                detached_handle::wrong_tracker_waits_for_check_tasks::Watcher::new,
                detached_handle::wrong_tracker_waits_for_check_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "detached_handle/tasks/wrong/weak_flag_expect",
        file: "leaky/exercises/detached_handle/wrong/weak_flag_expect/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/detached_handle/wrong/weak_flag_expect/tasks.rs",
                detached_handle::wrong_weak_flag_expect_tasks::Watcher::new,
                detached_handle::wrong_weak_flag_expect_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocking_pool/tasks/shipped",
        file: "leaky/src/blocking_pool/tasks.rs",
        kind: Kind::Shipped,
        run: Run::Contract(|clause| {
            workshop::contract::blocking::clause(
                clause,
                "leaky/src/blocking_pool/tasks.rs",
                leaky::blocking_pool::tasks::Watcher::new,
                leaky::blocking_pool::tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocking_pool/tasks/solution/default",
        file: "fixed/src/blocking_pool/tasks.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::blocking::clause(
                clause,
                "fixed/src/blocking_pool/tasks.rs",
                blocking_pool::solution_default_tasks::Watcher::new,
                blocking_pool::solution_default_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocking_pool/tasks/right/flag_on_tokio_pool",
        file: "leaky/exercises/blocking_pool/right/flag_on_tokio_pool/tasks.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::blocking::clause(
                clause,
                "leaky/exercises/blocking_pool/right/flag_on_tokio_pool/tasks.rs",
                blocking_pool::right_flag_on_tokio_pool_tasks::Watcher::new,
                blocking_pool::right_flag_on_tokio_pool_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocking_pool/tasks/right/job_carries_the_deadline",
        file: "leaky/exercises/blocking_pool/right/job_carries_the_deadline/tasks.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::blocking::clause(
                clause,
                "leaky/exercises/blocking_pool/right/job_carries_the_deadline/tasks.rs",
                blocking_pool::right_job_carries_the_deadline_tasks::Watcher::new,
                blocking_pool::right_job_carries_the_deadline_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocking_pool/tasks/right/own_pool_cancel_channel",
        file: "leaky/exercises/blocking_pool/right/own_pool_cancel_channel/tasks.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::blocking::clause(
                clause,
                "leaky/exercises/blocking_pool/right/own_pool_cancel_channel/tasks.rs",
                blocking_pool::right_own_pool_cancel_channel_tasks::Watcher::new,
                blocking_pool::right_own_pool_cancel_channel_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocking_pool/tasks/right/plain_thread_oneshot",
        file: "leaky/exercises/blocking_pool/right/plain_thread_oneshot/tasks.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::blocking::clause(
                clause,
                "leaky/exercises/blocking_pool/right/plain_thread_oneshot/tasks.rs",
                blocking_pool::right_plain_thread_oneshot_tasks::Watcher::new,
                blocking_pool::right_plain_thread_oneshot_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocking_pool/tasks/right/thread_per_call",
        file: "leaky/exercises/blocking_pool/right/thread_per_call/tasks.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::blocking::clause(
                clause,
                "leaky/exercises/blocking_pool/right/thread_per_call/tasks.rs",
                blocking_pool::right_thread_per_call_tasks::Watcher::new,
                blocking_pool::right_thread_per_call_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocking_pool/tasks/wrong/abort_on_timeout",
        file: "leaky/exercises/blocking_pool/wrong/abort_on_timeout/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::blocking::clause(
                clause,
                "leaky/exercises/blocking_pool/wrong/abort_on_timeout/tasks.rs",
                blocking_pool::wrong_abort_on_timeout_tasks::Watcher::new,
                blocking_pool::wrong_abort_on_timeout_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocking_pool/tasks/wrong/abort_the_blocking_handle",
        file: "leaky/exercises/blocking_pool/wrong/abort_the_blocking_handle/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::blocking::clause(
                clause,
                "leaky/exercises/blocking_pool/wrong/abort_the_blocking_handle/tasks.rs",
                blocking_pool::wrong_abort_the_blocking_handle_tasks::Watcher::new,
                blocking_pool::wrong_abort_the_blocking_handle_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocking_pool/tasks/wrong/await_job",
        file: "leaky/exercises/blocking_pool/wrong/await_job/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::blocking::clause(
                clause,
                "leaky/exercises/blocking_pool/wrong/await_job/tasks.rs",
                blocking_pool::wrong_await_job_tasks::Watcher::new,
                blocking_pool::wrong_await_job_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocking_pool/tasks/wrong/await_job_after_cancel",
        file: "leaky/exercises/blocking_pool/wrong/await_job_after_cancel/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::blocking::clause(
                clause,
                "leaky/exercises/blocking_pool/wrong/await_job_after_cancel/tasks.rs",
                blocking_pool::wrong_await_job_after_cancel_tasks::Watcher::new,
                blocking_pool::wrong_await_job_after_cancel_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocking_pool/tasks/wrong/deadline_for_the_check",
        file: "leaky/exercises/blocking_pool/wrong/deadline_for_the_check/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::blocking::clause(
                clause,
                "leaky/exercises/blocking_pool/wrong/deadline_for_the_check/tasks.rs",
                blocking_pool::wrong_deadline_for_the_check_tasks::Watcher::new,
                blocking_pool::wrong_deadline_for_the_check_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocking_pool/tasks/wrong/flag_on_timeout_only",
        file: "leaky/exercises/blocking_pool/wrong/flag_on_timeout_only/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::blocking::clause(
                clause,
                "leaky/exercises/blocking_pool/wrong/flag_on_timeout_only/tasks.rs",
                blocking_pool::wrong_flag_on_timeout_only_tasks::Watcher::new,
                blocking_pool::wrong_flag_on_timeout_only_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocking_pool/tasks/wrong/flag_raised_on_timeout_only",
        file: "leaky/exercises/blocking_pool/wrong/flag_raised_on_timeout_only/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::blocking::clause(
                clause,
                "leaky/exercises/blocking_pool/wrong/flag_raised_on_timeout_only/tasks.rs",
                blocking_pool::wrong_flag_raised_on_timeout_only_tasks::Watcher::new,
                blocking_pool::wrong_flag_raised_on_timeout_only_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocking_pool/tasks/wrong/flag_read_once",
        file: "leaky/exercises/blocking_pool/wrong/flag_read_once/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::blocking::clause(
                clause,
                "leaky/exercises/blocking_pool/wrong/flag_read_once/tasks.rs",
                blocking_pool::wrong_flag_read_once_tasks::Watcher::new,
                blocking_pool::wrong_flag_read_once_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocking_pool/tasks/wrong/grace_after_deadline",
        file: "leaky/exercises/blocking_pool/wrong/grace_after_deadline/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::blocking::clause(
                clause,
                "leaky/exercises/blocking_pool/wrong/grace_after_deadline/tasks.rs",
                blocking_pool::wrong_grace_after_deadline_tasks::Watcher::new,
                blocking_pool::wrong_grace_after_deadline_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocking_pool/tasks/wrong/job_own_timeout",
        file: "leaky/exercises/blocking_pool/wrong/job_own_timeout/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::blocking::clause(
                clause,
                "leaky/exercises/blocking_pool/wrong/job_own_timeout/tasks.rs",
                blocking_pool::wrong_job_own_timeout_tasks::Watcher::new,
                blocking_pool::wrong_job_own_timeout_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocking_pool/tasks/wrong/job_stops_itself_unbounded_check",
        file: "leaky/exercises/blocking_pool/wrong/job_stops_itself_unbounded_check/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::blocking::clause(
                clause,
                "leaky/exercises/blocking_pool/wrong/job_stops_itself_unbounded_check/tasks.rs",
                blocking_pool::wrong_job_stops_itself_unbounded_check_tasks::Watcher::new,
                blocking_pool::wrong_job_stops_itself_unbounded_check_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocking_pool/tasks/wrong/longer_timeout",
        file: "leaky/exercises/blocking_pool/wrong/longer_timeout/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::blocking::clause(
                clause,
                "leaky/exercises/blocking_pool/wrong/longer_timeout/tasks.rs",
                blocking_pool::wrong_longer_timeout_tasks::Watcher::new,
                blocking_pool::wrong_longer_timeout_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocking_pool/tasks/wrong/one_check_per_call",
        file: "leaky/exercises/blocking_pool/wrong/one_check_per_call/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::blocking::clause(
                clause,
                "leaky/exercises/blocking_pool/wrong/one_check_per_call/tasks.rs",
                blocking_pool::wrong_one_check_per_call_tasks::Watcher::new,
                blocking_pool::wrong_one_check_per_call_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocking_pool/tasks/wrong/pool_per_call",
        file: "leaky/exercises/blocking_pool/wrong/pool_per_call/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::blocking::clause(
                clause,
                "leaky/exercises/blocking_pool/wrong/pool_per_call/tasks.rs",
                blocking_pool::wrong_pool_per_call_tasks::Watcher::new,
                blocking_pool::wrong_pool_per_call_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocking_pool/tasks/wrong/send_unwrap",
        file: "leaky/exercises/blocking_pool/wrong/send_unwrap/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::blocking::clause(
                clause,
                "leaky/exercises/blocking_pool/wrong/send_unwrap/tasks.rs",
                blocking_pool::wrong_send_unwrap_tasks::Watcher::new,
                blocking_pool::wrong_send_unwrap_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocking_pool/tasks/wrong/shared_job",
        file: "leaky/exercises/blocking_pool/wrong/shared_job/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::blocking::clause(
                clause,
                "leaky/exercises/blocking_pool/wrong/shared_job/tasks.rs",
                blocking_pool::wrong_shared_job_tasks::Watcher::new,
                blocking_pool::wrong_shared_job_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocking_pool/tasks/wrong/shutdown_timeout_in_drop",
        file: "leaky/exercises/blocking_pool/wrong/shutdown_timeout_in_drop/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::blocking::clause(
                clause,
                "leaky/exercises/blocking_pool/wrong/shutdown_timeout_in_drop/tasks.rs",
                blocking_pool::wrong_shutdown_timeout_in_drop_tasks::Watcher::new,
                blocking_pool::wrong_shutdown_timeout_in_drop_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocking_pool/tasks/wrong/stop_flag_on_watcher",
        file: "leaky/exercises/blocking_pool/wrong/stop_flag_on_watcher/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::blocking::clause(
                clause,
                "leaky/exercises/blocking_pool/wrong/stop_flag_on_watcher/tasks.rs",
                blocking_pool::wrong_stop_flag_on_watcher_tasks::Watcher::new,
                blocking_pool::wrong_stop_flag_on_watcher_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocking_pool/tasks/wrong/stop_on_timeout_only",
        file: "leaky/exercises/blocking_pool/wrong/stop_on_timeout_only/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::blocking::clause(
                clause,
                "leaky/exercises/blocking_pool/wrong/stop_on_timeout_only/tasks.rs",
                blocking_pool::wrong_stop_on_timeout_only_tasks::Watcher::new,
                blocking_pool::wrong_stop_on_timeout_only_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "blocking_pool/tasks/wrong/thread_local_stop",
        file: "leaky/exercises/blocking_pool/wrong/thread_local_stop/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::blocking::clause(
                clause,
                "leaky/exercises/blocking_pool/wrong/thread_local_stop/tasks.rs",
                blocking_pool::wrong_thread_local_stop_tasks::Watcher::new,
                blocking_pool::wrong_thread_local_stop_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/threads/shipped",
        file: "leaky/src/stale_answer/threads.rs",
        kind: Kind::Shipped,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/src/stale_answer/threads.rs",
                leaky::stale_answer::threads::Watcher::new,
                leaky::stale_answer::threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/threads/solution/default",
        file: "fixed/src/stale_answer/threads.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "fixed/src/stale_answer/threads.rs",
                stale_answer::solution_default_threads::Watcher::new,
                stale_answer::solution_default_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/threads/right/drop_aware_rendezvous",
        file: "leaky/exercises/stale_answer/right/drop_aware_rendezvous/threads.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/stale_answer/right/drop_aware_rendezvous/threads.rs",
                stale_answer::right_drop_aware_rendezvous_threads::Watcher::new,
                stale_answer::right_drop_aware_rendezvous_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/threads/right/one_worker_numbered_checks",
        file: "leaky/exercises/stale_answer/right/one_worker_numbered_checks/threads.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/stale_answer/right/one_worker_numbered_checks/threads.rs",
                stale_answer::right_one_worker_numbered_checks_threads::Watcher::new,
                stale_answer::right_one_worker_numbered_checks_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/threads/wrong/buffered_only",
        file: "leaky/exercises/stale_answer/wrong/buffered_only/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/stale_answer/wrong/buffered_only/threads.rs",
                stale_answer::wrong_buffered_only_threads::Watcher::new,
                stale_answer::wrong_buffered_only_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/threads/wrong/busy_means_not_ready",
        file: "leaky/exercises/stale_answer/wrong/busy_means_not_ready/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/stale_answer/wrong/busy_means_not_ready/threads.rs",
                stale_answer::wrong_busy_means_not_ready_threads::Watcher::new,
                stale_answer::wrong_busy_means_not_ready_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/threads/wrong/closed_is_ready",
        file: "leaky/exercises/stale_answer/wrong/closed_is_ready/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/stale_answer/wrong/closed_is_ready/threads.rs",
                stale_answer::wrong_closed_is_ready_threads::Watcher::new,
                stale_answer::wrong_closed_is_ready_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/threads/wrong/drain_after_timeout",
        file: "leaky/exercises/stale_answer/wrong/drain_after_timeout/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/stale_answer/wrong/drain_after_timeout/threads.rs",
                stale_answer::wrong_drain_after_timeout_threads::Watcher::new,
                stale_answer::wrong_drain_after_timeout_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/threads/wrong/drain_before_wait",
        file: "leaky/exercises/stale_answer/wrong/drain_before_wait/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/stale_answer/wrong/drain_before_wait/threads.rs",
                stale_answer::wrong_drain_before_wait_threads::Watcher::new,
                stale_answer::wrong_drain_before_wait_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/threads/wrong/drain_before_waiting",
        file: "leaky/exercises/stale_answer/wrong/drain_before_waiting/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/stale_answer/wrong/drain_before_waiting/threads.rs",
                stale_answer::wrong_drain_before_waiting_threads::Watcher::new,
                stale_answer::wrong_drain_before_waiting_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/threads/wrong/drain_first",
        file: "leaky/exercises/stale_answer/wrong/drain_first/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/stale_answer/wrong/drain_first/threads.rs",
                stale_answer::wrong_drain_first_threads::Watcher::new,
                stale_answer::wrong_drain_first_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/threads/wrong/drop_joins_workers",
        file: "leaky/exercises/stale_answer/wrong/drop_joins_workers/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/stale_answer/wrong/drop_joins_workers/threads.rs",
                stale_answer::wrong_drop_joins_workers_threads::Watcher::new,
                stale_answer::wrong_drop_joins_workers_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/threads/wrong/late_answer_grace",
        file: "leaky/exercises/stale_answer/wrong/late_answer_grace/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/stale_answer/wrong/late_answer_grace/threads.rs",
                stale_answer::wrong_late_answer_grace_threads::Watcher::new,
                stale_answer::wrong_late_answer_grace_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/threads/wrong/send_unwrap",
        file: "leaky/exercises/stale_answer/wrong/send_unwrap/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/stale_answer/wrong/send_unwrap/threads.rs",
                stale_answer::wrong_send_unwrap_threads::Watcher::new,
                stale_answer::wrong_send_unwrap_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/threads/wrong/shared_worker",
        file: "leaky/exercises/stale_answer/wrong/shared_worker/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/stale_answer/wrong/shared_worker/threads.rs",
                stale_answer::wrong_shared_worker_threads::Watcher::new,
                stale_answer::wrong_shared_worker_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/threads/wrong/stamped_when_finished",
        file: "leaky/exercises/stale_answer/wrong/stamped_when_finished/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/stale_answer/wrong/stamped_when_finished/threads.rs",
                stale_answer::wrong_stamped_when_finished_threads::Watcher::new,
                stale_answer::wrong_stamped_when_finished_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/threads/wrong/tagged",
        file: "leaky/exercises/stale_answer/wrong/tagged/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/stale_answer/wrong/tagged/threads.rs",
                stale_answer::wrong_tagged_threads::Watcher::new,
                stale_answer::wrong_tagged_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/threads/wrong/thread_local_channel",
        file: "leaky/exercises/stale_answer/wrong/thread_local_channel/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/stale_answer/wrong/thread_local_channel/threads.rs",
                stale_answer::wrong_thread_local_channel_threads::Watcher::new,
                stale_answer::wrong_thread_local_channel_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/threads/wrong/unbuffered",
        file: "leaky/exercises/stale_answer/wrong/unbuffered/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/stale_answer/wrong/unbuffered/threads.rs",
                stale_answer::wrong_unbuffered_threads::Watcher::new,
                stale_answer::wrong_unbuffered_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/threads/wrong/waiting_flag_on_watcher",
        file: "leaky/exercises/stale_answer/wrong/waiting_flag_on_watcher/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/stale_answer/wrong/waiting_flag_on_watcher/threads.rs",
                stale_answer::wrong_waiting_flag_on_watcher_threads::Watcher::new,
                stale_answer::wrong_waiting_flag_on_watcher_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/threads/wrong/worker_own_timeout",
        file: "leaky/exercises/stale_answer/wrong/worker_own_timeout/threads.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::threads::clause(
                clause,
                "leaky/exercises/stale_answer/wrong/worker_own_timeout/threads.rs",
                stale_answer::wrong_worker_own_timeout_threads::Watcher::new,
                stale_answer::wrong_worker_own_timeout_threads::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/tasks/shipped",
        file: "leaky/src/stale_answer/tasks.rs",
        kind: Kind::Shipped,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/src/stale_answer/tasks.rs",
                leaky::stale_answer::tasks::Watcher::new,
                leaky::stale_answer::tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/tasks/solution/default",
        file: "fixed/src/stale_answer/tasks.rs",
        kind: Kind::Solution,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "fixed/src/stale_answer/tasks.rs",
                stale_answer::solution_default_tasks::Watcher::new,
                stale_answer::solution_default_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/tasks/right/joinset_result",
        file: "leaky/exercises/stale_answer/right/joinset_result/tasks.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/stale_answer/right/joinset_result/tasks.rs",
                stale_answer::right_joinset_result_tasks::Watcher::new,
                stale_answer::right_joinset_result_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/tasks/right/oneshot_and_abort_guard",
        file: "leaky/exercises/stale_answer/right/oneshot_and_abort_guard/tasks.rs",
        kind: Kind::Right,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/stale_answer/right/oneshot_and_abort_guard/tasks.rs",
                stale_answer::right_oneshot_and_abort_guard_tasks::Watcher::new,
                stale_answer::right_oneshot_and_abort_guard_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/tasks/wrong/broadcast_subscribe",
        file: "leaky/exercises/stale_answer/wrong/broadcast_subscribe/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/stale_answer/wrong/broadcast_subscribe/tasks.rs",
                stale_answer::wrong_broadcast_subscribe_tasks::Watcher::new,
                stale_answer::wrong_broadcast_subscribe_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/tasks/wrong/broadcast_subscribed_late",
        file: "leaky/exercises/stale_answer/wrong/broadcast_subscribed_late/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/stale_answer/wrong/broadcast_subscribed_late/tasks.rs",
                stale_answer::wrong_broadcast_subscribed_late_tasks::Watcher::new,
                stale_answer::wrong_broadcast_subscribed_late_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/tasks/wrong/buffered_only",
        file: "leaky/exercises/stale_answer/wrong/buffered_only/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/stale_answer/wrong/buffered_only/tasks.rs",
                stale_answer::wrong_buffered_only_tasks::Watcher::new,
                stale_answer::wrong_buffered_only_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/tasks/wrong/closed_is_ready",
        file: "leaky/exercises/stale_answer/wrong/closed_is_ready/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/stale_answer/wrong/closed_is_ready/tasks.rs",
                stale_answer::wrong_closed_is_ready_tasks::Watcher::new,
                stale_answer::wrong_closed_is_ready_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/tasks/wrong/current_waiter_slot",
        file: "leaky/exercises/stale_answer/wrong/current_waiter_slot/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/stale_answer/wrong/current_waiter_slot/tasks.rs",
                stale_answer::wrong_current_waiter_slot_tasks::Watcher::new,
                stale_answer::wrong_current_waiter_slot_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/tasks/wrong/drain_after_timeout",
        file: "leaky/exercises/stale_answer/wrong/drain_after_timeout/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/stale_answer/wrong/drain_after_timeout/tasks.rs",
                stale_answer::wrong_drain_after_timeout_tasks::Watcher::new,
                stale_answer::wrong_drain_after_timeout_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/tasks/wrong/drain_first",
        file: "leaky/exercises/stale_answer/wrong/drain_first/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/stale_answer/wrong/drain_first/tasks.rs",
                stale_answer::wrong_drain_first_tasks::Watcher::new,
                stale_answer::wrong_drain_first_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/tasks/wrong/drop_block_on",
        file: "leaky/exercises/stale_answer/wrong/drop_block_on/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/stale_answer/wrong/drop_block_on/tasks.rs",
                stale_answer::wrong_drop_block_on_tasks::Watcher::new,
                stale_answer::wrong_drop_block_on_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/tasks/wrong/grace_after_deadline",
        file: "leaky/exercises/stale_answer/wrong/grace_after_deadline/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/stale_answer/wrong/grace_after_deadline/tasks.rs",
                stale_answer::wrong_grace_after_deadline_tasks::Watcher::new,
                stale_answer::wrong_grace_after_deadline_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/tasks/wrong/one_slot",
        file: "leaky/exercises/stale_answer/wrong/one_slot/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/stale_answer/wrong/one_slot/tasks.rs",
                stale_answer::wrong_one_slot_tasks::Watcher::new,
                stale_answer::wrong_one_slot_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/tasks/wrong/send_unwrap",
        file: "leaky/exercises/stale_answer/wrong/send_unwrap/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/stale_answer/wrong/send_unwrap/tasks.rs",
                stale_answer::wrong_send_unwrap_tasks::Watcher::new,
                stale_answer::wrong_send_unwrap_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/tasks/wrong/slot_on_watcher",
        file: "leaky/exercises/stale_answer/wrong/slot_on_watcher/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/stale_answer/wrong/slot_on_watcher/tasks.rs",
                stale_answer::wrong_slot_on_watcher_tasks::Watcher::new,
                stale_answer::wrong_slot_on_watcher_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/tasks/wrong/spawn_blocking_worker",
        file: "leaky/exercises/stale_answer/wrong/spawn_blocking_worker/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/stale_answer/wrong/spawn_blocking_worker/tasks.rs",
                stale_answer::wrong_spawn_blocking_worker_tasks::Watcher::new,
                stale_answer::wrong_spawn_blocking_worker_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/tasks/wrong/tagged",
        file: "leaky/exercises/stale_answer/wrong/tagged/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/stale_answer/wrong/tagged/tasks.rs",
                stale_answer::wrong_tagged_tasks::Watcher::new,
                stale_answer::wrong_tagged_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/tasks/wrong/thread_local_channel",
        file: "leaky/exercises/stale_answer/wrong/thread_local_channel/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/stale_answer/wrong/thread_local_channel/tasks.rs",
                stale_answer::wrong_thread_local_channel_tasks::Watcher::new,
                stale_answer::wrong_thread_local_channel_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/tasks/wrong/waiting_flag_on_watcher",
        file: "leaky/exercises/stale_answer/wrong/waiting_flag_on_watcher/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/stale_answer/wrong/waiting_flag_on_watcher/tasks.rs",
                stale_answer::wrong_waiting_flag_on_watcher_tasks::Watcher::new,
                stale_answer::wrong_waiting_flag_on_watcher_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "stale_answer/tasks/wrong/worker_own_timeout",
        file: "leaky/exercises/stale_answer/wrong/worker_own_timeout/tasks.rs",
        kind: Kind::Wrong,
        run: Run::Contract(|clause| {
            workshop::contract::tasks::clause(
                clause,
                "leaky/exercises/stale_answer/wrong/worker_own_timeout/tasks.rs",
                stale_answer::wrong_worker_own_timeout_tasks::Watcher::new,
                stale_answer::wrong_worker_own_timeout_tasks::Watcher::wait_ready,
            )
        }),
    },
    Case {
        name: "capstone/shipped",
        file: "leaky/capstone/server.rs",
        kind: Kind::Shipped,
        run: Run::Capstone(|leave| {
            proof::on_runtime(checks::leaves_nothing(
                capstone::shipped::Server::start,
                capstone::shipped::Server::addr,
                capstone::shipped::Server::shutdown,
                leave,
            ))
        }),
    },
    Case {
        name: "capstone/solution/default",
        file: "fixed/src/capstone/server.rs",
        kind: Kind::Solution,
        run: Run::Capstone(|leave| {
            proof::on_runtime(checks::leaves_nothing(
                capstone::solution_default::Server::start,
                capstone::solution_default::Server::addr,
                capstone::solution_default::Server::shutdown,
                leave,
            ))
        }),
    },
    Case {
        name: "capstone/solution/guard",
        file: "fixed/src/capstone/guard/server.rs",
        kind: Kind::Solution,
        run: Run::Capstone(|leave| {
            proof::on_runtime(checks::leaves_nothing(
                capstone::solution_guard::Server::start,
                capstone::solution_guard::Server::addr,
                capstone::solution_guard::Server::shutdown,
                leave,
            ))
        }),
    },
    Case {
        name: "capstone/right/one_task_per_client",
        file: "leaky/capstone/right/one_task_per_client/server.rs",
        kind: Kind::Right,
        run: Run::Capstone(|leave| {
            proof::on_runtime(checks::leaves_nothing(
                capstone::right_one_task_per_client::Server::start,
                capstone::right_one_task_per_client::Server::addr,
                capstone::right_one_task_per_client::Server::shutdown,
                leave,
            ))
        }),
    },
    Case {
        name: "capstone/right/per_subscription_handles",
        file: "leaky/capstone/right/per_subscription_handles/server.rs",
        kind: Kind::Right,
        run: Run::Capstone(|leave| {
            proof::on_runtime(checks::leaves_nothing(
                capstone::right_per_subscription_handles::Server::start,
                capstone::right_per_subscription_handles::Server::addr,
                capstone::right_per_subscription_handles::Server::shutdown,
                leave,
            ))
        }),
    },
    Case {
        name: "capstone/right/reader_and_writer_joined",
        file: "leaky/capstone/right/reader_and_writer_joined/server.rs",
        kind: Kind::Right,
        run: Run::Capstone(|leave| {
            proof::on_runtime(checks::leaves_nothing(
                capstone::right_reader_and_writer_joined::Server::start,
                capstone::right_reader_and_writer_joined::Server::addr,
                capstone::right_reader_and_writer_joined::Server::shutdown,
                leave,
            ))
        }),
    },
    Case {
        name: "capstone/wrong/abort_writer",
        file: "leaky/capstone/wrong/abort_writer/server.rs",
        kind: Kind::Wrong,
        run: Run::Capstone(|leave| {
            proof::on_runtime(checks::leaves_nothing(
                capstone::wrong_abort_writer::Server::start,
                capstone::wrong_abort_writer::Server::addr,
                capstone::wrong_abort_writer::Server::shutdown,
                leave,
            ))
        }),
    },
    Case {
        name: "capstone/wrong/cleanup_skipped_by_question_mark",
        file: "leaky/capstone/wrong/cleanup_skipped_by_question_mark/server.rs",
        kind: Kind::Wrong,
        run: Run::Capstone(|leave| {
            proof::on_runtime(checks::leaves_nothing(
                capstone::wrong_cleanup_skipped_by_question_mark::Server::start,
                capstone::wrong_cleanup_skipped_by_question_mark::Server::addr,
                capstone::wrong_cleanup_skipped_by_question_mark::Server::shutdown,
                leave,
            ))
        }),
    },
    Case {
        name: "capstone/wrong/closed_queues_pruned",
        file: "leaky/capstone/wrong/closed_queues_pruned/server.rs",
        kind: Kind::Wrong,
        run: Run::Capstone(|leave| {
            proof::on_runtime(checks::leaves_nothing(
                capstone::wrong_closed_queues_pruned::Server::start,
                capstone::wrong_closed_queues_pruned::Server::addr,
                capstone::wrong_closed_queues_pruned::Server::shutdown,
                leave,
            ))
        }),
    },
    Case {
        name: "capstone/wrong/hub_wide_stop",
        file: "leaky/capstone/wrong/hub_wide_stop/server.rs",
        kind: Kind::Wrong,
        run: Run::Capstone(|leave| {
            proof::on_runtime(checks::leaves_nothing(
                capstone::wrong_hub_wide_stop::Server::start,
                capstone::wrong_hub_wide_stop::Server::addr,
                capstone::wrong_hub_wide_stop::Server::shutdown,
                leave,
            ))
        }),
    },
    Case {
        name: "capstone/wrong/last_topic_only",
        file: "leaky/capstone/wrong/last_topic_only/server.rs",
        kind: Kind::Wrong,
        run: Run::Capstone(|leave| {
            proof::on_runtime(checks::leaves_nothing(
                capstone::wrong_last_topic_only::Server::start,
                capstone::wrong_last_topic_only::Server::addr,
                capstone::wrong_last_topic_only::Server::shutdown,
                leave,
            ))
        }),
    },
    Case {
        name: "capstone/wrong/prune_closed_on_publish",
        file: "leaky/capstone/wrong/prune_closed_on_publish/server.rs",
        kind: Kind::Wrong,
        run: Run::Capstone(|leave| {
            proof::on_runtime(checks::leaves_nothing(
                capstone::wrong_prune_closed_on_publish::Server::start,
                capstone::wrong_prune_closed_on_publish::Server::addr,
                capstone::wrong_prune_closed_on_publish::Server::shutdown,
                leave,
            ))
        }),
    },
    Case {
        name: "capstone/wrong/prune_on_publish",
        file: "leaky/capstone/wrong/prune_on_publish/server.rs",
        kind: Kind::Wrong,
        run: Run::Capstone(|leave| {
            proof::on_runtime(checks::leaves_nothing(
                capstone::wrong_prune_on_publish::Server::start,
                capstone::wrong_prune_on_publish::Server::addr,
                capstone::wrong_prune_on_publish::Server::shutdown,
                leave,
            ))
        }),
    },
    Case {
        name: "capstone/wrong/quit_only",
        file: "leaky/capstone/wrong/quit_only/server.rs",
        kind: Kind::Wrong,
        run: Run::Capstone(|leave| {
            proof::on_runtime(checks::leaves_nothing(
                capstone::wrong_quit_only::Server::start,
                capstone::wrong_quit_only::Server::addr,
                capstone::wrong_quit_only::Server::shutdown,
                leave,
            ))
        }),
    },
    Case {
        name: "capstone/wrong/remove_whole_topic",
        file: "leaky/capstone/wrong/remove_whole_topic/server.rs",
        kind: Kind::Wrong,
        run: Run::Capstone(|leave| {
            proof::on_runtime(checks::leaves_nothing(
                capstone::wrong_remove_whole_topic::Server::start,
                capstone::wrong_remove_whole_topic::Server::addr,
                capstone::wrong_remove_whole_topic::Server::shutdown,
                leave,
            ))
        }),
    },
    Case {
        name: "capstone/wrong/stop_writer_keep_entries",
        file: "leaky/capstone/wrong/stop_writer_keep_entries/server.rs",
        kind: Kind::Wrong,
        run: Run::Capstone(|leave| {
            proof::on_runtime(checks::leaves_nothing(
                capstone::wrong_stop_writer_keep_entries::Server::start,
                capstone::wrong_stop_writer_keep_entries::Server::addr,
                capstone::wrong_stop_writer_keep_entries::Server::shutdown,
                leave,
            ))
        }),
    },
    Case {
        name: "capstone/wrong/unsubscribed_unless_reset",
        file: "leaky/capstone/wrong/unsubscribed_unless_reset/server.rs",
        kind: Kind::Wrong,
        run: Run::Capstone(|leave| {
            proof::on_runtime(checks::leaves_nothing(
                capstone::wrong_unsubscribed_unless_reset::Server::start,
                capstone::wrong_unsubscribed_unless_reset::Server::addr,
                capstone::wrong_unsubscribed_unless_reset::Server::shutdown,
                leave,
            ))
        }),
    },
    Case {
        name: "capstone/wrong/weak_senders_pruned_on_publish",
        file: "leaky/capstone/wrong/weak_senders_pruned_on_publish/server.rs",
        kind: Kind::Wrong,
        run: Run::Capstone(|leave| {
            proof::on_runtime(checks::leaves_nothing(
                capstone::wrong_weak_senders_pruned_on_publish::Server::start,
                capstone::wrong_weak_senders_pruned_on_publish::Server::addr,
                capstone::wrong_weak_senders_pruned_on_publish::Server::shutdown,
                leave,
            ))
        }),
    },
    Case {
        name: "capstone/wrong/writer_awaited_before_unsubscribe",
        file: "leaky/capstone/wrong/writer_awaited_before_unsubscribe/server.rs",
        kind: Kind::Wrong,
        run: Run::Capstone(|leave| {
            proof::on_runtime(checks::leaves_nothing(
                capstone::wrong_writer_awaited_before_unsubscribe::Server::start,
                capstone::wrong_writer_awaited_before_unsubscribe::Server::addr,
                capstone::wrong_writer_awaited_before_unsubscribe::Server::shutdown,
                leave,
            ))
        }),
    },
    Case {
        name: "capstone/wrong/writer_idle_timeout",
        file: "leaky/capstone/wrong/writer_idle_timeout/server.rs",
        kind: Kind::Wrong,
        run: Run::Capstone(|leave| {
            proof::on_runtime(checks::leaves_nothing(
                capstone::wrong_writer_idle_timeout::Server::start,
                capstone::wrong_writer_idle_timeout::Server::addr,
                capstone::wrong_writer_idle_timeout::Server::shutdown,
                leave,
            ))
        }),
    },
    Case {
        name: "capstone/wrong/writer_unsubscribes_when_done",
        file: "leaky/capstone/wrong/writer_unsubscribes_when_done/server.rs",
        kind: Kind::Wrong,
        run: Run::Capstone(|leave| {
            proof::on_runtime(checks::leaves_nothing(
                capstone::wrong_writer_unsubscribes_when_done::Server::start,
                capstone::wrong_writer_unsubscribes_when_done::Server::addr,
                capstone::wrong_writer_unsubscribes_when_done::Server::shutdown,
                leave,
            ))
        }),
    },
    Case {
        name: "capstone/wrong/writers_ended_at_shutdown",
        file: "leaky/capstone/wrong/writers_ended_at_shutdown/server.rs",
        kind: Kind::Wrong,
        run: Run::Capstone(|leave| {
            proof::on_runtime(checks::leaves_nothing(
                capstone::wrong_writers_ended_at_shutdown::Server::start,
                capstone::wrong_writers_ended_at_shutdown::Server::addr,
                capstone::wrong_writers_ended_at_shutdown::Server::shutdown,
                leave,
            ))
        }),
    },
];
// END GENERATED cases
