//! The demo binary, run as a learner runs it: what lingers after the last call, what is
//! leaked at the closing check, what a later call is told, and the exercise it points to.

use std::sync::OnceLock;

use serde_json::Value;
use workshop::expect::{QUICK_DEMO, SMALL_DEMO, demo_json, every_listed_pattern};

const LEAKY: &str = env!("CARGO_BIN_EXE_leaky");

/// One quick run of the default pattern, both flavours, shared by the tests that read it.
fn quick() -> &'static Value {
    static RUN: OnceLock<Value> = OnceLock::new();
    RUN.get_or_init(|| demo_json(LEAKY, 0, QUICK_DEMO))
}

fn stdout(json: &Value) -> &str {
    json["stdout"].as_str().unwrap()
}

#[test]
fn the_demo_tells_what_lingers_from_what_is_leaked() {
    let json = quick();
    assert_eq!(json["crate"], "leaky");
    assert_eq!(json["pattern"], "blocked-send");
    assert_eq!(json["flavor"], "both");
    assert_eq!(json["calls"], 3);
    assert_eq!(json["timed_out"], 6);
    // Right after the last call every worker is still in its check...
    assert_eq!(json["lingering_threads"], 3, "{}", stdout(json));
    assert_eq!(json["lingering_tasks"], 3, "{}", stdout(json));
    // ...and at the closing check every thread is stuck on its send, while the first late
    // task answer fitted in the slot and that task ended.
    assert_eq!(json["leaked_threads"], 3, "{}", stdout(json));
    assert_eq!(json["leaked_tasks"], 2, "{}", stdout(json));
    assert!(json["reclaim_ms"].is_null());
    let text = stdout(json);
    assert!(text.contains("3 threads linger, still running"), "{text}");
    assert!(
        text.contains("3 threads leaked: every check started has had time"),
        "{text}"
    );
    assert!(text.contains("waits in: futex"), "{text}");
}

#[test]
fn a_later_call_takes_an_answer_meant_for_an_earlier_one_in_both_flavours() {
    let json = quick();
    assert_eq!(json["wrong_results"], 2, "{}", stdout(json));
    for flavour in json["flavors"].as_array().unwrap() {
        assert_eq!(flavour["later_call"], "ready", "{}", stdout(json));
    }
    assert!(stdout(json).contains("a stale answer, meant for an earlier call"));
}

#[test]
fn the_task_report_names_the_line_each_leaked_task_waits_on() {
    let source = include_str!("../src/blocked_send/tasks.rs");
    let line = 1 + source
        .lines()
        .position(|l| l.contains("ready_tx.send(true).await"))
        .expect("the leaky send");
    let text = stdout(quick());
    assert!(
        text.contains(&format!("waits at leaky/src/blocked_send/tasks.rs:{line}:")),
        "{text}"
    );
    assert!(!text.contains("not spawned through checker::traced"), "{text}");
}

#[test]
fn the_demo_ends_with_the_exercise_to_try() {
    let text = stdout(quick());
    let before_json = text.lines().rev().nth(1).unwrap();
    assert_eq!(
        before_json,
        "Try it yourself: edit leaky/exercises/blocked_send/threads.rs, then run: cargo test \
         -p leaky --test blocked_send_threads"
    );
}

#[test]
fn every_pattern_shows_its_harm_in_every_flavour() {
    for (name, status, json) in every_listed_pattern(LEAKY, SMALL_DEMO) {
        assert_eq!(status, 0, "{name}:\n{}", stdout(&json));
        for flavour in json["flavors"].as_array().unwrap() {
            let harm = flavour["leaked_threads"].as_u64().unwrap()
                + flavour["leaked_tasks"].as_u64().unwrap()
                + flavour["wrong_results"].as_u64().unwrap();
            assert!(
                harm > 0,
                "{name} ({}) showed no harm:\n{}",
                flavour["flavor"],
                stdout(&json)
            );
        }
        let module = name.replace('-', "_");
        let flavour = if json["flavors"].as_array().unwrap().len() == 1 {
            "tasks"
        } else {
            "threads"
        };
        assert!(
            stdout(&json).contains(&format!(
                "Try it yourself: edit leaky/exercises/{module}/{flavour}.rs, then run: cargo \
                 test -p leaky --test {module}_{flavour}"
            )),
            "{name}:\n{}",
            stdout(&json)
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
    let json = demo_json(LEAKY, 0, &[&args[..], &["--flavor", "threads"]].concat());
    assert_eq!(json["leaked_threads"], 0);
    let text = stdout(&json);
    assert!(
        text.contains(
            "no leak showed this time (blocked-send): every call was answered"
        ),
        "{text}"
    );
}
