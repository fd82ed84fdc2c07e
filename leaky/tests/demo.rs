//! The demo binary, run as a learner runs it: what lingers after the last call, what is
//! leaked at the closing check, what a later call is told, and the exercise it points to.

use std::sync::OnceLock;

use workshop::demo::{Choice, LaterCall};
use workshop::expect::{
    DemoRun, QUICK_DEMO, Ran, SMALL_DEMO, STORY_DEMO, every_listed_pattern,
    start_shared, start_together,
};
use workshop::manifest::Flavour;

const LEAKY: &str = env!("CARGO_BIN_EXE_leaky");

/// Every run the tests below read, made by the first test that asks and started together
/// (see `start_shared`): they mostly sleep, so this binary takes as long as the longest.
struct Runs {
    /// One quick run of the default pattern, both flavours, with a plot.
    quick: DemoRun,
    /// Every pattern with small arguments.
    every_pattern: Vec<(String, DemoRun)>,
    /// A run whose one call is answered in time.
    no_leak: DemoRun,
    /// 200 calls of a pattern that leaks a thread each.
    long: DemoRun,
    /// Threads until the OS refuses one.
    #[cfg(target_os = "linux")]
    refused: DemoRun,
}

fn runs() -> &'static Runs {
    static RUNS: OnceLock<Runs> = OnceLock::new();
    RUNS.get_or_init(|| {
        let plot = plot_file();
        let quick_args = [QUICK_DEMO, &["--plot", plot.to_str().unwrap()]].concat();
        let no_leak = [
            "--calls",
            "1",
            "--timeout",
            "1s",
            "--verify-takes",
            "5ms",
            "--tick",
            "1ms",
            "--flavour",
            "threads",
        ];
        let long = [
            "--pattern",
            "endless-ticker",
            "--flavour",
            "threads",
            "--calls",
            "100",
            "--timeout",
            "1ms",
            "--check-deadline",
            "10ms",
        ];
        let runs = Runs {
            quick: DemoRun::new(LEAKY, &quick_args),
            every_pattern: every_listed_pattern(LEAKY, SMALL_DEMO),
            no_leak: DemoRun::new(LEAKY, &no_leak),
            long: DemoRun::new(LEAKY, &long),
            #[cfg(target_os = "linux")]
            refused: refused_run(),
        };
        start_shared(runs.all());
        runs
    })
}

impl Runs {
    fn all(&self) -> impl Iterator<Item = &DemoRun> {
        let one_each = [&self.quick, &self.no_leak, &self.long];
        #[cfg(target_os = "linux")]
        let one_each = one_each.into_iter().chain([&self.refused]);
        let every_pattern = self.every_pattern.iter().map(|(_, run)| run);
        one_each.into_iter().chain(every_pattern)
    }
}

fn quick() -> Ran {
    runs().quick.ran(0)
}

fn plot_file() -> std::path::PathBuf {
    std::env::temp_dir().join(format!("leaky-plot-{}.svg", std::process::id()))
}

#[test]
fn the_demo_tells_what_lingers_from_what_is_leaked() {
    let Ran { summary, stdout: text } = &quick();
    assert_eq!(summary.krate, "leaky");
    assert_eq!(summary.pattern, "blocked-send");
    assert_eq!(summary.flavour, Choice::Both);
    assert_eq!(summary.calls, 3);
    assert_eq!(summary.timed_out, 6);
    // Right after the last call every worker is still in its check...
    assert_eq!(summary.lingering_threads, 3, "{text}");
    assert_eq!(summary.lingering_tasks, 3, "{text}");
    // ...and at the closing check every thread is stuck on its send, while the first late
    // task answer fitted in the slot and that task ended.
    assert_eq!(summary.leaked_threads, 3, "{text}");
    assert_eq!(summary.leaked_tasks, 2, "{text}");
    assert_eq!(summary.reclaim, None);
    assert!(text.contains("3 threads linger: still running"), "{text}");
    assert!(
        text.contains(
            "once every check started could have finished:\n  3 threads leaked"
        ),
        "{text}"
    );
    // Wait channels are Linux's; elsewhere the report says so.
    let wait = if cfg!(target_os = "linux") {
        "waits in: futex"
    } else {
        "waits in: not available on this platform"
    };
    assert!(text.contains(wait), "{text}");
    // On x86-64 Linux the thread's stack names the lesson's line: the send that waits for good.
    if cfg!(all(target_os = "linux", target_arch = "x86_64")) {
        let lesson = include_str!("../src/blocked_send/threads.rs");
        let send = 1 + lesson
            .lines()
            .position(|line| line.contains("ready_tx.send("))
            .expect("the lesson sends its answer");
        assert!(
            text.contains(&format!(
                "leaky/src/blocked_send/threads.rs:{send}, in crossbeam-channel's Sender::send"
            )),
            "{text}"
        );
    }
}

#[test]
fn a_later_call_takes_an_answer_meant_for_an_earlier_one_in_both_flavours() {
    let Ran { summary, stdout: text } = &quick();
    assert_eq!(summary.wrong_results, 2, "{text}");
    for flavour in &summary.flavours {
        assert_eq!(flavour.later_call, Some(LaterCall::Ready), "{text}");
    }
    assert!(text.contains("before its own check could: a stale answer"));
}

#[test]
fn the_task_report_names_the_line_each_leaked_task_waits_on() {
    let source = include_str!("../src/blocked_send/tasks.rs");
    let line = 1 + source
        .lines()
        .position(|l| l.contains("ready_tx.send(true).await"))
        .expect("the leaky send");
    let text = quick().stdout;
    assert!(
        text.contains(&format!("waits at leaky/src/blocked_send/tasks.rs:{line}:")),
        "{text}"
    );
    assert!(!text.contains("not spawned through checker::traced"), "{text}");
}

#[test]
fn the_demo_ends_with_the_exercise_to_try() {
    let text = quick().stdout;
    let before_json: Vec<&str> = text.lines().rev().skip(1).take(2).collect();
    assert_eq!(
        before_json,
        [
            "  cargo test -p leaky --test blocked_send_threads",
            "Try it yourself: edit leaky/exercises/blocked_send/threads.rs, then run",
        ]
    );
}

#[test]
fn every_pattern_shows_its_harm_in_every_flavour() {
    harm_in_every_flavour(&runs().every_pattern);
}

#[test]
#[ignore = "slow (the workshop's own numbers): run by .ci/run"]
fn every_pattern_shows_its_harm_with_the_workshops_small_story() {
    harm_in_every_flavour(&every_listed_pattern(LEAKY, STORY_DEMO));
}

fn harm_in_every_flavour(runs: &[(String, DemoRun)]) {
    start_together(runs.iter().map(|(_, run)| run));
    for (name, run) in runs {
        let Ran { summary, stdout: text } = run.ran(0);
        for flavour in &summary.flavours {
            let harm = flavour.leaked_threads
                + flavour.leaked_tasks
                + flavour.wrong_results;
            assert!(
                harm > 0,
                "{name} ({:?}) showed no harm:\n{text}",
                flavour.flavour,
            );
        }
        let module = name.replace('-', "_");
        let flavour =
            if summary.flavours.iter().any(|f| f.flavour == Flavour::Threads) {
                "threads"
            } else {
                "tasks"
            };
        assert!(
            text.contains(&format!(
                "Try it yourself: edit leaky/exercises/{module}/{flavour}.rs, then run\n  \
                 cargo test -p leaky --test {module}_{flavour}"
            )),
            "{name}:\n{text}",
        );
    }
}

#[test]
fn a_run_that_shows_no_leak_says_so_and_why() {
    let Ran { summary, stdout: text } = runs().no_leak.ran(0);
    assert_eq!(summary.leaked_threads, 0);
    assert!(
        text.contains(
            "no leak showed this time (blocked-send): every call was answered"
        ),
        "{text}"
    );
}

#[test]
fn a_long_run_summarizes_its_calls_and_reports_what_each_leak_costs() {
    let Ran { summary, stdout: text } = runs().long.ran(0);
    assert_eq!(summary.leaked_threads, 100, "{text}");
    assert_eq!(
        text.lines().filter(|l| l.starts_with("  call ")).count(),
        5,
        "{text}"
    );
    assert!(
        text.contains("  calls 6-100 (not shown one a line): 100 timed out"),
        "{text}"
    );
    // The memory a leak costs is read from /proc/self/status: Linux only.
    if cfg!(target_os = "linux") {
        assert!(summary.rss_growth_bytes.unwrap() > 0, "{text}");
        assert!(text.contains("per leaked thread"), "{text}");
    }
}

#[cfg(target_os = "linux")]
/// The demo under a cap on address space, which makes the kernel refuse a new thread's
/// stack early.
fn refused_run() -> DemoRun {
    let mut command = std::process::Command::new("sh");
    command.arg("-c").arg(format!(
        "ulimit -v 400000 && exec {LEAKY} --json --pattern endless-ticker --flavour threads \
         --calls 2000 --timeout 1ms --check-deadline 10ms"
    ));
    DemoRun::of("leaky under ulimit -v".to_owned(), command)
}

#[cfg(target_os = "linux")]
#[test]
fn a_thread_the_os_refuses_stops_the_run_and_what_leaked_is_still_counted() {
    let output = runs().refused.output();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("failed: the OS refused to start a thread: "),
        "{stderr}"
    );
    assert!(stderr.contains("counting what they left behind"), "{stderr}");
    let Ran { summary, stdout: text } =
        workshop::expect::ran_of("leaky under ulimit -v", output);
    let made = summary.calls_made;
    assert!(made < 2000, "{text}");
    assert_eq!(summary.leaked_threads, made, "{text}");
    assert!(summary.stopped.unwrap().starts_with(&format!("call {}", made + 1)));
}

#[test]
fn a_plot_is_an_svg_of_the_run() {
    let text = quick().stdout;
    let svg = std::fs::read_to_string(plot_file()).unwrap();
    // Read once, by this test alone: nothing is left in the temporary folder.
    std::fs::remove_file(plot_file()).unwrap();
    assert!(svg.starts_with("<svg"), "{}", &svg[..svg.len().min(200)]);
    for label in [
        "leaky blocked-send (threads)",
        "leaky blocked-send (tasks)",
        "closing check",
    ] {
        assert!(svg.contains(label), "{label} is not in the plot");
    }
    assert!(text.contains("plot: "));
}
