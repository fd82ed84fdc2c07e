//! The drop guard: checks at the end of the scope, silent while a panic unwinds.

mod common;

use std::panic;
use std::time::Duration;

use checker::{Options, ThreadGuard, isolated};
use common::{blocked_thread, run_test};

const SHORT: Duration = Duration::from_millis(20);

#[test]
fn a_guard_over_clean_code_is_silent() {
    isolated(|| {
        let _guard = ThreadGuard::new(Options::default());
        std::thread::spawn(|| {}).join().unwrap();
    });
}

#[test]
#[should_panic(expected = "found 1 unexpected thread")]
fn a_guard_panics_with_the_report_when_a_thread_outlives_its_scope() {
    isolated(|| {
        let _guard = ThreadGuard::new(Options::default().deadline(SHORT));
        let blocked = blocked_thread("fixture-leak");
        std::mem::forget(blocked);
    });
}

// ANCHOR: guard
#[test]
fn a_guard_checks_after_the_locals_bound_after_it_are_dropped() {
    isolated(|| {
        let _guard = ThreadGuard::new(Options::default().deadline(Duration::from_secs(60)));
        // Dropped before the guard, as locals are dropped in reverse order: by the time the
        // guard checks, the thread has been released and joined.
        let _releases_on_drop = ReleaseOnDrop(Some(blocked_thread("fixture-local")));
    });
}
// ANCHOR_END: guard

#[test]
fn a_guard_stays_silent_while_the_thread_is_already_panicking() {
    isolated(|| {
        // The first panic is this test's own, and caught below: nothing to print. (The
        // hook is the process's, and this process runs this test alone.)
        panic::set_hook(Box::new(|_| {}));
        let outcome = panic::catch_unwind(|| {
            let _guard = ThreadGuard::new(Options::default().deadline(SHORT));
            let blocked = blocked_thread("fixture-leak");
            std::mem::forget(blocked);
            panic!("the first failure");
        });
        drop(panic::take_hook());
        let payload = outcome.unwrap_err();
        // A second panic in the guard would have aborted the process; the first one is
        // the one that comes out.
        assert_eq!(payload.downcast_ref::<&str>(), Some(&"the first failure"));
    });
}

struct ReleaseOnDrop(Option<common::Blocked>);

impl Drop for ReleaseOnDrop {
    fn drop(&mut self) {
        if let Some(blocked) = self.0.take() {
            blocked.release();
        }
    }
}

#[test]
#[ignore = "a fixture for the test below"]
fn fixture_a_guard_that_finds_a_leak() {
    isolated(|| {
        let _guard = ThreadGuard::new(Options::default().deadline(SHORT));
        std::mem::forget(blocked_thread("guarded-leak"));
    });
}

#[test]
fn a_guards_failure_names_the_line_it_was_made_at_and_says_it_once() {
    for backtrace in ["0", "1"] {
        let (ok, stdout, stderr) = run_test(
            "fixture_a_guard_that_finds_a_leak",
            &[("RUST_BACKTRACE", backtrace)],
        );
        let all = format!("{stdout}{stderr}");
        assert!(!ok, "{all}");
        assert_eq!(all.matches("found 1 unexpected thread").count(), 1, "{all}");
        assert!(all.contains("Thread \"guarded-leak\""), "{all}");
        let made_at = line!() - 16;
        assert!(
            all.contains(&format!("panicked at {}:{made_at}:", file!())),
            "{all}"
        );
        assert_eq!(all.matches("panicked at").count(), 1, "{all}");
    }
}
