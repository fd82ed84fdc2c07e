//! `isolated`: one test alone in its own process, its output and verdict relayed.

mod common;

use std::sync::{Mutex, mpsc};
use std::thread;
use std::time::Duration;

use checker::{Options, ThreadSnapshot, isolated};
use common::run_test;

#[test]
fn the_body_runs_in_a_child_that_runs_only_this_test() {
    isolated(|| {
        let under_nextest =
            std::env::var("NEXTEST_EXECUTION_MODE").as_deref() == Ok("process-per-test");
        if !under_nextest {
            assert_eq!(
                std::env::var("CHECKER_ISOLATED_TEST").as_deref(),
                Ok("the_body_runs_in_a_child_that_runs_only_this_test")
            );
        }
    });
}

#[test]
#[should_panic(expected = "boom from the child")]
fn a_panic_in_the_child_fails_the_test_with_the_childs_message() {
    // A body that only panics has the never type, `!`: name its outcome.
    isolated(|| -> () { panic!("boom from the child") });
}

#[test]
fn without_isolation_a_thread_of_another_test_is_taken_for_a_leak() {
    // What `isolated` protects from, shown in one process: a thread that some other code
    // starts between the snapshot and the verdict is reported, whoever started it.
    let before = ThreadSnapshot::take();
    let (release, wait) = mpsc::channel::<()>();
    let (started, neighbour_started) = mpsc::channel();
    let neighbour = thread::Builder::new()
        .name("neighbour".to_owned())
        .spawn(move || {
            started.send(()).unwrap();
            let _ = wait.recv();
        })
        .unwrap();
    neighbour_started.recv().unwrap();
    let report = before
        .verify(&Options::default().deadline(Duration::from_millis(20)))
        .unwrap_err();
    assert!(report.threads().iter().any(|t| t.name() == "neighbour"));
    drop(release);
    neighbour.join().unwrap();
}

/// The neighbour of the test below, in the test's own process: it starts a thread, and
/// keeps it, each time it is asked.
static NEIGHBOUR: Mutex<Option<mpsc::Sender<mpsc::Sender<()>>>> = Mutex::new(None);

#[test]
fn a_thread_started_beside_the_body_between_its_snapshot_and_verdict_is_not_in_its_verdict() {
    // In the test's own process (not in the child, which runs the whole test again), a
    // neighbour starts a thread whenever the body asks, and keeps it to the end. Run in
    // this process, the body would see that thread born between its snapshot and its
    // verdict; run in its own, it has no neighbour to ask, and its verdict is its own.
    // (Under nextest the body runs in place, in a process of the test's own: no neighbour.)
    let under_nextest =
        std::env::var("NEXTEST_EXECUTION_MODE").as_deref() == Ok("process-per-test");
    let neighbour = (!checker::in_isolated_child() && !under_nextest).then(|| {
        let (ask, asked) = mpsc::channel::<mpsc::Sender<()>>();
        *NEIGHBOUR.lock().unwrap() = Some(ask);
        thread::spawn(move || {
            let mut kept = Vec::new();
            for started in asked {
                kept.push(common::blocked_thread("neighbour"));
                let _ = started.send(());
            }
            kept.into_iter().for_each(common::Blocked::release);
        })
    });
    isolated(|| {
        let before = ThreadSnapshot::take();
        let ask = NEIGHBOUR.lock().unwrap().clone();
        if let Some(ask) = ask {
            let (started, wait) = mpsc::channel();
            ask.send(started).unwrap();
            wait.recv().unwrap();
        }
        before.verify(&Options::default().deadline(Duration::ZERO))
    });
    NEIGHBOUR.lock().unwrap().take();
    if let Some(neighbour) = neighbour {
        neighbour.join().unwrap();
    }
}

#[test]
fn a_child_past_its_limit_is_killed_and_the_test_fails_saying_so() {
    let (ok, stdout, stderr) = run_test("fixture_a_body_that_hangs", &[]);
    let all = format!("{stdout}{stderr}");
    assert!(!ok, "{all}");
    assert!(
        all.contains(
            "ran past its limit of 200ms in its own process (in this call's body), and was killed"
        ),
        "{all}"
    );
    // What the child printed before it was killed comes with the failure.
    assert!(all.contains("the body began, and waits for ever"), "{all}");
}

#[test]
#[ignore = "a fixture for the tests above"]
fn fixture_a_body_that_hangs() {
    checker::isolated_within(Duration::from_millis(200), || {
        println!("the body began, and waits for ever");
        let (_keep, never) = mpsc::channel::<()>();
        let _ = never.recv();
    });
}

#[test]
fn a_body_within_its_limit_passes_as_with_no_limit() {
    checker::isolated_within(common::HANG_LIMIT, || {
        let before = ThreadSnapshot::take();
        thread::spawn(|| {}).join().unwrap();
        before.verify(&Options::default())
    });
}

/// Run by the tests below in a process of their own, never on its own.
#[test]
#[ignore = "a fixture for the tests below"]
fn fixture_says_where_its_body_runs() {
    isolated(|| {
        let child = std::env::var_os("CHECKER_ISOLATED_TEST").is_some();
        println!("the body ran, in a child: {child}");
        eprintln!("and said so on stderr");
    });
}

fn run_fixture(env: &[(&str, &str)]) -> (String, String) {
    let (ok, stdout, stderr) = run_test("fixture_says_where_its_body_runs", env);
    assert!(ok, "{stdout}{stderr}");
    (stdout, stderr)
}

#[test]
fn the_childs_output_is_relayed_once_without_the_harness_lines_of_the_child() {
    let (stdout, stderr) = run_fixture(&[]);
    assert_eq!(
        stdout.matches("the body ran, in a child: true\n").count(),
        1,
        "{stdout}"
    );
    assert_eq!(
        stderr.matches("and said so on stderr\n").count(),
        1,
        "{stderr}"
    );
    // One harness (the outer one): the child's own "running 1 test" is not relayed, nor
    // are the markers, and no grandchild was started.
    assert_eq!(stdout.matches("running 1 test").count(), 1, "{stdout}");
    assert!(!stdout.contains("checker::isolated"), "{stdout}");
    assert!(!stdout.contains("in a child: false"), "{stdout}");
}

#[test]
fn under_nextest_the_body_runs_in_place() {
    let (stdout, _) = run_fixture(&[("NEXTEST_EXECUTION_MODE", "process-per-test")]);
    assert_eq!(
        stdout.matches("the body ran, in a child: false\n").count(),
        1,
        "{stdout}"
    );
}

#[test]
fn an_ignored_test_runs_its_body_when_asked_to() {
    // The fixture is `#[ignore]`d; run with `--include-ignored`, its child must run it too
    // (the child is always given `--include-ignored`), or the test would pass unchecked.
    let (stdout, _) = run_fixture(&[]);
    assert!(stdout.contains("the body ran"), "{stdout}");
}

/// A thread that waits until the process ends: the leak of the fixtures below.
fn leak_a_thread(name: &str) {
    thread::Builder::new()
        .name(name.to_owned())
        .spawn(|| {
            loop {
                thread::park()
            }
        })
        .unwrap();
}

const SHORT: Duration = Duration::from_millis(20);

#[test]
#[ignore = "a fixture for the tests below"]
fn fixture_two_bodies_the_second_leaks_and_returns_its_verdict() {
    isolated(|| ThreadSnapshot::take().verify(&Options::default()));
    isolated(|| {
        let before = ThreadSnapshot::take();
        leak_a_thread("second-body");
        before.verify(&Options::default().deadline(SHORT))
    });
}

#[test]
#[ignore = "a fixture for the tests below"]
fn fixture_two_bodies_the_second_panics() {
    isolated(|| println!("the first body ran"));
    isolated(|| -> () { panic!("boom from the second body") });
}

#[test]
#[ignore = "a fixture for the tests below"]
fn fixture_two_clean_bodies() {
    isolated(|| println!("the first body ran, in process {}", std::process::id()));
    isolated(|| println!("the second body ran, in process {}", std::process::id()));
}

#[test]
#[ignore = "a fixture for the tests below"]
fn fixture_a_body_that_panics() {
    isolated(|| -> () { panic!("boom, said once") });
}

#[test]
#[ignore = "a fixture for the tests below"]
fn fixture_a_body_that_returns_a_leak() {
    isolated(|| {
        let before = ThreadSnapshot::take();
        leak_a_thread("returned-leak");
        before.verify(&Options::default().deadline(SHORT))
    });
}

#[test]
fn a_leak_in_a_second_body_fails_the_test_with_its_report() {
    let (ok, stdout, stderr) = run_test(
        "fixture_two_bodies_the_second_leaks_and_returns_its_verdict",
        &[],
    );
    let all = format!("{stdout}{stderr}");
    assert!(!ok, "{all}");
    assert!(all.contains("found 1 unexpected thread"), "{all}");
    assert!(all.contains("Thread \"second-body\""), "{all}");
}

#[test]
fn a_panic_in_a_second_body_fails_the_test_with_its_message() {
    let (ok, stdout, stderr) = run_test("fixture_two_bodies_the_second_panics", &[]);
    let all = format!("{stdout}{stderr}");
    assert!(!ok, "{all}");
    assert_eq!(all.matches("boom from the second body").count(), 1, "{all}");
    // Each call relays its own body's output, once.
    assert_eq!(all.matches("the first body ran").count(), 1, "{all}");
}

#[test]
fn two_clean_bodies_pass_and_each_is_relayed_once() {
    let (ok, stdout, stderr) = run_test("fixture_two_clean_bodies", &[]);
    assert!(ok, "{stdout}{stderr}");
    assert_eq!(stdout.matches("the first body ran").count(), 1, "{stdout}");
    assert_eq!(stdout.matches("the second body ran").count(), 1, "{stdout}");
    // One child runs the whole test, both bodies: not a child for each.
    let process = |body: &str| {
        let line = stdout.lines().find(|l| l.contains(body)).unwrap();
        let (_, process) = line.split_once("in process ").unwrap();
        process.split_whitespace().next().unwrap().to_owned()
    };
    assert_eq!(
        process("the first body ran"),
        process("the second body ran"),
        "{stdout}"
    );
}

#[test]
fn a_childs_panic_is_printed_once_with_one_backtrace_note_at_the_tests_line() {
    let (ok, stdout, stderr) = run_test("fixture_a_body_that_panics", &[]);
    let all = format!("{stdout}{stderr}");
    assert!(!ok, "{all}");
    assert_eq!(all.matches("boom, said once").count(), 1, "{all}");
    assert_eq!(all.matches("panicked at").count(), 1, "{all}");
    assert!(all.contains(&format!("panicked at {}:", file!())), "{all}");
    assert_eq!(all.matches("RUST_BACKTRACE").count(), 1, "{all}");
}

#[test]
fn under_rust_backtrace_only_the_childs_backtrace_is_printed() {
    let (ok, stdout, stderr) = run_test("fixture_a_body_that_panics", &[("RUST_BACKTRACE", "1")]);
    let all = format!("{stdout}{stderr}");
    assert!(!ok, "{all}");
    assert_eq!(all.matches("boom, said once").count(), 1, "{all}");
    assert_eq!(all.matches("stack backtrace:").count(), 1, "{all}");
    // The child's backtrace: it runs through the body, in this file.
    assert!(all.contains("fixture_a_body_that_panics"), "{all}");
    assert!(!all.contains("run with `RUST_BACKTRACE=1`"), "{all}");
}

#[test]
fn a_returned_leak_is_printed_once_at_the_line_that_called_isolated() {
    for backtrace in ["0", "1"] {
        let (ok, stdout, stderr) = run_test(
            "fixture_a_body_that_returns_a_leak",
            &[("RUST_BACKTRACE", backtrace)],
        );
        let all = format!("{stdout}{stderr}");
        assert!(!ok, "{all}");
        assert_eq!(all.matches("found 1 unexpected thread").count(), 1, "{all}");
        assert_eq!(all.matches("panicked at").count(), 1, "{all}");
        assert!(all.contains(&format!("panicked at {}:", file!())), "{all}");
        assert!(!all.contains("stack backtrace"), "{all}");
    }
}
