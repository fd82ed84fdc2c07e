//! The demo binary, run as a learner runs it: every fix leaks nothing and gives no wrong
//! answer; the fixes whose workers linger say so, with the time they took to be given
//! back; a run that leaks fails.

use std::sync::OnceLock;
use std::time::Duration;

use workshop::expect::{
    DemoRun, QUICK_DEMO, Ran, SMALL_DEMO, STORY_DEMO, every_listed_pattern,
    start_shared, start_together,
};

const FIXED: &str = env!("CARGO_BIN_EXE_fixed");

/// Every run the tests below read, made by the first test that asks and started together
/// (see `start_shared`): they mostly sleep, so this binary takes as long as the longest.
struct Runs {
    /// Every fix with small arguments.
    every_fix: Vec<(String, DemoRun)>,
    /// The default fix of the default pattern.
    default_fix: DemoRun,
    /// A fix checked far too early.
    early_check: DemoRun,
}

fn runs() -> &'static Runs {
    static RUNS: OnceLock<Runs> = OnceLock::new();
    RUNS.get_or_init(|| {
        // A closing check far earlier than the checks take: the buffered workers are all
        // still in their check, and the run must not pass.
        let early =
            ["--pattern", "blocked-send-buffered", "--check-deadline", "1ms"];
        let runs = Runs {
            every_fix: every_listed_pattern(FIXED, SMALL_DEMO),
            default_fix: DemoRun::new(
                FIXED,
                &[QUICK_DEMO, &["--pattern", "blocked-send"]].concat(),
            ),
            early_check: DemoRun::new(FIXED, &[QUICK_DEMO, &early].concat()),
        };
        let every_fix = runs.every_fix.iter().map(|(_, run)| run);
        start_shared(every_fix.chain([&runs.default_fix, &runs.early_check]));
        runs
    })
}

#[test]
fn every_fix_leaves_nothing_and_gives_no_wrong_answer() {
    nothing_left_by_any_fix(&runs().every_fix);
}

#[test]
#[ignore = "slow (the workshop's own numbers): run by .ci/run"]
fn every_fix_leaves_nothing_with_the_workshops_small_story() {
    nothing_left_by_any_fix(&every_listed_pattern(FIXED, STORY_DEMO));
}

fn nothing_left_by_any_fix(runs: &[(String, DemoRun)]) {
    assert!(runs.len() >= 19, "every fix is listed");
    start_together(runs.iter().map(|(_, run)| run));
    for (name, run) in runs {
        let Ran { summary, stdout: text } = run.ran(0);
        assert_eq!(summary.leaked_threads, 0, "{name}:\n{text}");
        assert_eq!(summary.leaked_tasks, 0, "{name}:\n{text}");
        assert_eq!(summary.wrong_results, 0, "{name}:\n{text}");
        assert!(summary.reclaim.is_some(), "{name}:\n{text}");
        if summary.lingering_threads + summary.lingering_tasks > 0 {
            assert!(
                text.contains("nothing leaked; all given back"),
                "{name}:\n{text}"
            );
        }
    }
}

#[test]
fn the_default_fix_leaves_nothing_even_for_a_moment() {
    let Ran { summary, stdout: text } = runs().default_fix.ran(0);
    assert_eq!(summary.lingering_threads, 0);
    assert_eq!(summary.lingering_tasks, 0);
    assert_eq!(summary.reclaim, Some(Duration::ZERO));
    assert!(text.contains("fixed: nothing leaked, nothing lingered"), "{text}");
}

#[test]
fn a_fix_that_still_leaks_at_the_closing_check_fails_the_run() {
    let Ran { summary, stdout: text } = runs().early_check.ran(1);
    assert_eq!(summary.leaked_threads, 3, "{text}");
    assert!(text.contains("closing check, early (--check-deadline)"), "{text}");
    assert!(text.contains("a fix must leave nothing behind"), "{text}");
}
