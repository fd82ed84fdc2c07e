//! `isolated`: one test alone in its own process, its output and verdict relayed.

use std::process::Command;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use checker::{Options, ThreadSnapshot, isolated};

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

#[test]
fn a_noisy_neighbour_that_churns_threads_never_fails_an_isolated_check() {
    // Runs beside the isolated tests of this binary and spawns threads without the
    // checker; their verdicts stay exact because they are made in processes of their own.
    for _ in 0..50 {
        let workers: Vec<_> = (0..8).map(|_| thread::spawn(|| {})).collect();
        workers.into_iter().for_each(|w| w.join().unwrap());
    }
    isolated(|| {
        let before = ThreadSnapshot::take();
        before.verify(&Options::default()).unwrap();
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
    let exe = std::env::current_exe().unwrap();
    let mut command = Command::new(exe);
    command
        .args([
            "fixture_says_where_its_body_runs",
            "--exact",
            "--include-ignored",
        ])
        .args(["--nocapture", "--test-threads=1"])
        .env_remove("CHECKER_ISOLATED_TEST")
        .env_remove("NEXTEST_EXECUTION_MODE");
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command.output().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(output.status.success(), "{stdout}{stderr}");
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
