//! The demo binary, run as a learner runs it: what lingers after the last call, what is
//! leaked at the closing check, and the exercise it points to.

use workshop::expect::{QUICK_DEMO, demo_json};

const LEAKY: &str = env!("CARGO_BIN_EXE_leaky");

#[test]
fn the_demo_tells_what_lingers_from_what_is_leaked() {
    let json = demo_json(LEAKY, 0, QUICK_DEMO);
    assert_eq!(json["crate"], "leaky");
    assert_eq!(json["pattern"], "blocked-send");
    assert_eq!(json["flavor"], "both");
    assert_eq!(json["calls"], 3);
    assert_eq!(json["timed_out"], 6);
    // Right after the last call every worker is still in its check...
    assert_eq!(json["lingering_threads"], 3, "{}", json["stdout"]);
    assert_eq!(json["lingering_tasks"], 3, "{}", json["stdout"]);
    // ...and at the closing check every thread is stuck on its send, while the first late
    // task answer fitted in the slot and that task ended.
    assert_eq!(json["leaked_threads"], 3, "{}", json["stdout"]);
    assert_eq!(json["leaked_tasks"], 2, "{}", json["stdout"]);
    assert!(json["reclaim_ms"].is_null());
    // The later call, in each flavour, takes an answer meant for an earlier call.
    assert_eq!(json["wrong_results"], 2, "{}", json["stdout"]);
    let stdout = json["stdout"].as_str().unwrap();
    assert!(stdout.contains("3 threads linger, still running"), "{stdout}");
    assert!(stdout.contains("3 threads leaked, stuck for good"), "{stdout}");
    assert!(stdout.contains("waits in: futex"), "{stdout}");
}

#[test]
fn the_task_report_names_the_line_each_leaked_task_waits_on() {
    let source = include_str!("../src/blocked_send/tasks.rs");
    let line = 1 + source
        .lines()
        .position(|l| l.contains("ready_tx.send(true).await"))
        .expect("the leaky send");
    let json = demo_json(LEAKY, 0, &[QUICK_DEMO, &["--flavor", "tasks"]].concat());
    let stdout = json["stdout"].as_str().unwrap();
    assert!(
        stdout
            .contains(&format!("waits at leaky/src/blocked_send/tasks.rs:{line}:")),
        "{stdout}"
    );
    assert!(!stdout.contains("not spawned through checker::traced"), "{stdout}");
}

#[test]
fn the_demo_ends_with_the_exercise_to_try() {
    let json = demo_json(LEAKY, 0, QUICK_DEMO);
    let stdout = json["stdout"].as_str().unwrap();
    let before_json = stdout.lines().rev().nth(1).unwrap();
    assert_eq!(
        before_json,
        "Try it yourself: edit leaky/exercises/blocked_send/threads.rs, then run: cargo test \
         -p leaky --test blocked_send_threads"
    );
    let tasks = demo_json(LEAKY, 0, &[QUICK_DEMO, &["--flavor", "tasks"]].concat());
    let tasks = tasks["stdout"].as_str().unwrap();
    assert!(
        tasks.contains("edit leaky/exercises/blocked_send/tasks.rs"),
        "{tasks}"
    );
    assert!(tasks.contains("--test blocked_send_tasks"), "{tasks}");
}

#[test]
fn a_late_answer_fools_a_later_caller_in_both_flavours() {
    let args = [
        "--calls",
        "8",
        "--timeout",
        "5ms",
        "--verify-takes",
        "20ms",
        "--tick",
        "1ms",
    ];
    let json = demo_json(LEAKY, 0, &args);
    for flavour in json["flavors"].as_array().unwrap() {
        assert!(
            flavour["wrong_results"].as_u64().unwrap() > 0,
            "{}",
            json["stdout"]
        );
    }
}

#[test]
fn a_run_that_shows_no_leak_says_so_and_why() {
    let args = [
        "--calls",
        "1",
        "--timeout",
        "1s",
        "--verify-takes",
        "5ms",
        "--tick",
        "1ms",
    ];
    let json = demo_json(LEAKY, 0, &args);
    assert_eq!(json["leaked_threads"], 0);
    let stdout = json["stdout"].as_str().unwrap();
    assert!(
        stdout.contains(
            "no leak showed this time (blocked-send): every call was answered"
        ),
        "{stdout}"
    );
}
