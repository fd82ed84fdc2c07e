//! The demo binary, run as a learner runs it: every timed-out call leaves a worker behind.

use workshop::expect::{QUICK_DEMO, demo_json};

#[test]
fn the_demo_counts_one_leaked_thread_and_task_per_timed_out_call() {
    let json = demo_json(env!("CARGO_BIN_EXE_leaky"), QUICK_DEMO);
    assert_eq!(json["crate"], "leaky");
    assert_eq!(json["pattern"], "blocked-send");
    assert_eq!(json["flavor"], "both");
    assert_eq!(json["calls"], 3);
    assert_eq!(json["timeout_ms"], 5);
    assert_eq!(json["verify_takes_ms"], 60_000);
    assert_eq!(json["leaked_threads"], 3);
    assert_eq!(json["leaked_tasks"], 3);
    assert_eq!(json["wrong_results"], 0);
    assert!(json["elapsed_ms"].is_u64());
}
