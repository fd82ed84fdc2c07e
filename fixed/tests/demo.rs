//! The demo binary, run as a learner runs it: every fix leaks nothing and gives no wrong
//! answer; the fixes whose workers linger say so, with the time they took to be given
//! back; a run that leaks fails.

use workshop::expect::{
    QUICK_DEMO, SMALL_DEMO, STORY_DEMO, demo_json, every_listed_pattern,
};

const FIXED: &str = env!("CARGO_BIN_EXE_fixed");

#[test]
fn every_fix_leaves_nothing_and_gives_no_wrong_answer() {
    nothing_left_by_any_fix(SMALL_DEMO);
}

#[test]
#[ignore = "slow (the workshop's own numbers): run by .ci/run"]
fn every_fix_leaves_nothing_with_the_workshops_small_story() {
    nothing_left_by_any_fix(STORY_DEMO);
}

fn nothing_left_by_any_fix(args: &[&str]) {
    let runs = every_listed_pattern(FIXED, args);
    assert!(runs.len() >= 20, "every fix is listed");
    for (name, status, json) in runs {
        let text = json["stdout"].as_str().unwrap();
        assert_eq!(status, 0, "{name}:\n{text}");
        assert_eq!(json["leaked_threads"], 0, "{name}:\n{text}");
        assert_eq!(json["leaked_tasks"], 0, "{name}:\n{text}");
        assert_eq!(json["wrong_results"], 0, "{name}:\n{text}");
        assert!(json["reclaim_ms"].is_u64(), "{name}:\n{text}");
        if json["lingering_threads"].as_u64().unwrap()
            + json["lingering_tasks"].as_u64().unwrap()
            > 0
        {
            assert!(
                text.contains("nothing leaked; all given back"),
                "{name}:\n{text}"
            );
        }
    }
}

#[test]
fn the_default_fix_leaves_nothing_even_for_a_moment() {
    let json =
        demo_json(FIXED, 0, &[QUICK_DEMO, &["--pattern", "blocked-send"]].concat());
    assert_eq!(json["lingering_threads"], 0);
    assert_eq!(json["lingering_tasks"], 0);
    assert_eq!(json["reclaim_ms"], 0);
    let text = json["stdout"].as_str().unwrap();
    assert!(text.contains("fixed: nothing leaked, nothing lingered"), "{text}");
}

#[test]
fn a_fix_that_still_leaks_at_the_closing_check_fails_the_run() {
    // A closing check far earlier than the checks take: the buffered workers are all still
    // in their check, and the run must not pass.
    let args = ["--pattern", "blocked-send-buffered", "--check-deadline", "1ms"];
    let json = demo_json(FIXED, 1, &[QUICK_DEMO, &args].concat());
    assert_eq!(json["leaked_threads"], 3, "{}", json["stdout"]);
    let text = json["stdout"].as_str().unwrap();
    assert!(text.contains("this check came early (--check-deadline)"), "{text}");
    assert!(text.contains("a fix must leave nothing behind"), "{text}");
}
