//! The demo binary, run as a learner runs it: every fix leaks nothing; the fixes whose
//! workers linger say so, with the time they took to be given back; a run that leaks
//! fails.

use workshop::expect::{QUICK_DEMO, demo_json};

const FIXED: &str = env!("CARGO_BIN_EXE_fixed");

fn demo(pattern: &str) -> serde_json::Value {
    let json = demo_json(FIXED, 0, &[QUICK_DEMO, &["--pattern", pattern]].concat());
    assert_eq!(json["crate"], "fixed");
    assert_eq!(json["pattern"], pattern);
    assert_eq!(json["leaked_threads"], 0, "{}", json["stdout"]);
    assert_eq!(json["leaked_tasks"], 0, "{}", json["stdout"]);
    assert_eq!(json["wrong_results"], 0, "{}", json["stdout"]);
    assert!(json["reclaim_ms"].is_u64(), "{}", json["stdout"]);
    json
}

#[test]
fn the_default_fix_leaves_nothing_even_for_a_moment() {
    let json = demo("blocked-send");
    assert_eq!(json["lingering_threads"], 0);
    assert_eq!(json["lingering_tasks"], 0);
    assert_eq!(json["reclaim_ms"], 0);
    let stdout = json["stdout"].as_str().unwrap();
    assert!(stdout.contains("fixed: nothing leaked, nothing lingered"), "{stdout}");
}

#[test]
fn the_buffered_fix_lingers_until_each_check_is_done() {
    let json = demo("blocked-send-buffered");
    assert_eq!(json["lingering_threads"], 3, "{}", json["stdout"]);
    assert_eq!(json["lingering_tasks"], 3, "{}", json["stdout"]);
    let stdout = json["stdout"].as_str().unwrap();
    assert!(stdout.contains("nothing leaked; all given back"), "{stdout}");
}

#[test]
fn cancellation_gives_tasks_back_at_once_and_threads_after_their_check() {
    let json = demo("blocked-send-cancel");
    let [tasks, threads] = json["flavors"].as_array().unwrap().as_slice() else {
        panic!("two flavours: {json}");
    };
    assert_eq!(threads["lingering_threads"], 3, "{}", json["stdout"]);
    // A cancelled task is gone as soon as it is polled once more; a thread's blocking
    // check cannot be interrupted, so it lingers for the check in flight (200 ms).
    assert!(
        tasks["reclaim_ms"].as_u64().unwrap()
            < threads["reclaim_ms"].as_u64().unwrap()
    );
}

#[test]
fn the_drop_aware_fix_lingers_until_its_next_report() {
    let json = demo("blocked-send-drop-aware");
    assert_eq!(json["lingering_threads"], 3, "{}", json["stdout"]);
}

#[test]
fn a_fix_that_still_leaks_at_the_closing_check_fails_the_run() {
    // A closing check far earlier than the checks take: the buffered workers are all still
    // in their check, and the run must not pass.
    let args = ["--pattern", "blocked-send-buffered", "--check-deadline", "1ms"];
    let json = demo_json(FIXED, 1, &[QUICK_DEMO, &args].concat());
    assert_eq!(json["leaked_threads"], 3, "{}", json["stdout"]);
    let stdout = json["stdout"].as_str().unwrap();
    assert!(
        stdout.contains("this check came early (--check-deadline)"),
        "{stdout}"
    );
    assert!(stdout.contains("a fix must leave nothing behind"), "{stdout}");
}
