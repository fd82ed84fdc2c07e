//! The demo binary, run as a learner runs it: the default fix leaves nothing behind; the
//! cancellation fix shows where threads fall short.

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
fn cancellation_stops_tasks_at_once_but_threads_only_after_their_check() {
    // The checks take a minute: a blocking check in flight cannot be interrupted, so each
    // thread is still in it when the demo checks; a task's check is dropped at once.
    let json = demo("blocked-send-cancel");
    assert_eq!(json["leaked_threads"], 3, "{json}");
    assert_eq!(json["leaked_tasks"], 0, "{json}");
}
