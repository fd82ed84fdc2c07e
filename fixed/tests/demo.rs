//! The demo binary, run as a learner runs it: the default fix leaves nothing behind; the
//! cancellation fix gives tasks back at once.

use workshop::expect::{QUICK_DEMO, demo_json};

fn demo(pattern: &str) -> serde_json::Value {
    let args = [QUICK_DEMO, &["--pattern", pattern]].concat();
    let json = demo_json(env!("CARGO_BIN_EXE_fixed"), &args);
    assert_eq!(json["crate"], "fixed");
    assert_eq!(json["pattern"], pattern);
    assert_eq!(json["wrong_results"], 0, "{json}");
    json
}

#[test]
fn the_default_fix_leaves_nothing_behind() {
    let json = demo("blocked-send");
    assert_eq!(json["leaked_threads"], 0, "{json}");
    assert_eq!(json["leaked_tasks"], 0, "{json}");
}

#[test]
fn cancellation_stops_worker_tasks_at_once() {
    // The checks take a minute. A task's check in flight is dropped with the task, so no
    // task is left. A thread's blocking check cannot be interrupted: a worker thread that
    // had started its check before its caller gave up is still in it (how many had, the
    // scheduler decides), and none is left beyond one per call.
    let json = demo("blocked-send-cancel");
    assert_eq!(json["leaked_tasks"], 0, "{json}");
    assert!(json["leaked_threads"].as_u64().unwrap() <= 3, "{json}");
}
