//! Thread verdicts: exact in both directions, under the parallel test runner. What only
//! one platform does (Linux's 15-byte names and inherited names) is tested where it is done.

mod common;

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use checker::{Options, StartedThreads, ThreadSnapshot, isolated};
use common::{BLOCKED_STATE, blocked_thread, report_on_one, until_sleeping};

/// A deadline no verdict in these tests may wait out: twice what a test waits for an
/// answer before it fails (see `common::HANG_LIMIT`).
const LONG: Duration = Duration::from_secs(2 * common::HANG_LIMIT.as_secs());

#[test]
fn a_clean_process_gets_its_verdict_at_once_whatever_the_deadline() {
    isolated(|| {
        // The verdict is taken on a thread of its own (which takes its snapshot there,
        // so is in it), and awaited for half its deadline: a verdict that waited for its
        // deadline fails the test then, instead of holding it for all of it.
        let (said, verdict) = mpsc::channel();
        let checking = thread::spawn(move || {
            let before = ThreadSnapshot::take();
            let _ = said.send(before.verify(&Options::default().deadline(LONG)));
        });
        let verdict = verdict
            .recv_timeout(common::HANG_LIMIT)
            .expect("a clean verdict comes at once, not at its deadline");
        verdict.unwrap();
        checking.join().unwrap();
    });
}

// ANCHOR: joined
#[test]
fn a_joined_thread_is_not_reported() {
    isolated(|| {
        let before = ThreadSnapshot::take();
        thread::spawn(|| {}).join().unwrap();
        before.verify(&Options::default()).unwrap();
    });
}
// ANCHOR_END: joined

#[test]
fn a_blocked_thread_is_reported_by_name_tid_state_and_wait() {
    isolated(|| {
        let before = ThreadSnapshot::take();
        let blocked = blocked_thread("fixture-blocked");
        until_sleeping(&before, blocked.tid);
        let report = common::report_at_rest(
            &before,
            &Options::default().deadline(Duration::from_millis(20)),
            &[blocked.tid],
        );
        let [thread] = report.threads() else {
            panic!("expected exactly one thread:\n{report}");
        };
        assert_eq!(thread.name(), "fixture-blocked");
        assert_eq!(thread.tid(), blocked.tid);
        assert_eq!(thread.state(), BLOCKED_STATE.0);
        assert_eq!(thread.state().to_string(), BLOCKED_STATE.1);
        assert_eq!(report.tasks(), 0);
        assert!(report.unsupported().is_none());
        if cfg!(not(target_os = "linux")) {
            assert_eq!(thread.wait_channel(), None);
            assert!(
                report.to_string().contains(common::NO_WAIT_CHANNEL),
                "{report}"
            );
            // Stacks are read on Linux only (tests/stacks.rs): elsewhere a report says so.
            assert!(
                report
                    .to_string()
                    .contains("not read: stacks are read on Linux only"),
                "{report}"
            );
        }
        if let Some(wchan) = thread.wait_channel() {
            assert!(
                wchan.starts_with("futex"),
                "a channel wait is a futex: {wchan}"
            );
            assert_eq!(
                thread.wait_meaning(),
                Some("a futex: a lock, a channel or a condvar")
            );
        }
        blocked.release();
    });
}

#[test]
fn every_leaked_thread_is_reported_and_no_other() {
    isolated(|| {
        let older = blocked_thread("fixture-older");
        let before = ThreadSnapshot::take();
        let leaks: Vec<_> = (0..3).map(|_| blocked_thread("fixture-leak")).collect();
        let joined = thread::spawn(|| {});
        joined.join().unwrap();
        let report = before
            .verify(&Options::default().deadline(Duration::from_millis(20)))
            .unwrap_err();
        let mut reported: Vec<_> = report.threads().iter().map(|t| t.tid()).collect();
        let mut leaked: Vec<_> = leaks.iter().map(|b| b.tid).collect();
        reported.sort_unstable();
        leaked.sort_unstable();
        assert_eq!(reported, leaked, "{report}");
        leaks.into_iter().for_each(common::Blocked::release);
        older.release();
    });
}

#[test]
fn a_thread_alive_at_the_snapshot_is_never_reported() {
    isolated(|| {
        let older = blocked_thread("fixture-older");
        let before = ThreadSnapshot::take();
        before.verify(&Options::default()).unwrap();
        older.release();
    });
}

#[test]
fn a_thread_on_its_way_out_is_waited_for() {
    isolated(|| {
        let before = ThreadSnapshot::take();
        // Released but not joined: it ends while verify is already looking.
        let handle = blocked_thread("fixture-ending").let_go();
        before.verify(&Options::default().deadline(LONG)).unwrap();
        handle.join().unwrap();
    });
}

#[test]
fn a_zero_deadline_checks_once() {
    isolated(|| {
        let before = ThreadSnapshot::take();
        let blocked = blocked_thread("fixture-blocked");
        let report = before
            .verify(&Options::default().deadline(Duration::ZERO))
            .unwrap_err();
        assert_eq!(report.threads().len(), 1, "{report}");
        blocked.release();
        before
            .verify(&Options::default().deadline(Duration::ZERO))
            .unwrap();
    });
}

#[test]
fn a_long_name_is_read_as_the_platform_keeps_it_and_may_be_cut() {
    isolated(|| {
        let (report, blocked) = report_on_one("fixture-with-a-long-name");
        let thread = &report.threads()[0];
        if cfg!(target_os = "linux") {
            assert_eq!(thread.name(), "fixture-with-a-");
            // 15 whole bytes: it may be the start of a longer name, or a whole one.
            assert!(thread.name_may_be_truncated());
        } else {
            // macOS keeps 63 bytes, Windows all of them.
            assert_eq!(thread.name(), "fixture-with-a-long-name");
            assert!(!thread.name_may_be_truncated());
        }
        assert!(!thread.name_is_truncated());
        blocked.release();
    });
}

// Linux alone keeps so few bytes of a name (15) that a short name is cut inside a
// character; macOS keeps 63, Windows all of them.
#[cfg(target_os = "linux")]
#[test]
fn a_leaked_thread_with_a_name_cut_inside_a_character_is_reported() {
    isolated(|| {
        // Eight Cyrillic letters are 16 bytes: the kernel keeps seven and a half. A thread
        // whose name is not UTF-8 is still a thread.
        let (report, blocked) = report_on_one("проверка-готовности");
        let thread = &report.threads()[0];
        assert_eq!(thread.tid(), blocked.tid);
        assert_eq!(thread.name(), "проверк\u{FFFD}");
        assert!(thread.name_is_truncated());
        assert!(
            report.to_string().contains(
                "name: cut to 15 bytes (all a thread name keeps here), inside a character"
            ),
            "{report}"
        );
        blocked.release();
    });
}

/// The bytes of a thread's name the platform keeps: 15 on Linux, 63 on macOS (its pthread
/// name, in 64 bytes with the NUL); Windows keeps a description whole.
const NAME_LIMIT: Option<usize> = if cfg!(target_os = "linux") {
    Some(15)
} else if cfg!(target_os = "macos") {
    Some(63)
} else {
    None
};

/// A thread name of `len` bytes.
fn name_of(len: usize) -> String {
    format!("fixture-{}", "n".repeat(len - "fixture-".len()))
}

#[test]
fn a_name_that_fills_the_platforms_limit_is_said_in_a_word_to_be_maybe_cut() {
    isolated(|| {
        // Whole, or the start of a longer name: as many bytes as the platform keeps cannot
        // tell. Where names are kept whole, no name is said to be cut, however long.
        let full = NAME_LIMIT.unwrap_or(100);
        let (report, blocked) = report_on_one(&name_of(full));
        assert_eq!(report.threads()[0].name(), name_of(full));
        let text = report.to_string();
        match NAME_LIMIT {
            Some(limit) => assert!(
                text.contains(&format!(
                    "name: {limit} bytes, all a thread name keeps here: maybe cut"
                )),
                "{text}"
            ),
            None => assert!(!text.contains("cut"), "{text}"),
        }
        blocked.release();
        let (report, blocked) = report_on_one(&name_of(full - 1));
        assert!(!report.to_string().contains("cut"), "{report}");
        blocked.release();
    });
}

// Linux alone gives a new thread its creator's name (the test below is the other
// platforms' case).
#[cfg(target_os = "linux")]
#[test]
fn an_unnamed_thread_is_said_to_maybe_wear_the_name_of_its_creator() {
    isolated(|| {
        let before = ThreadSnapshot::take();
        let named = blocked_thread("fixture-named");
        // std::thread::spawn names nothing: the kernel copies this test thread's name.
        let (release, wait) = std::sync::mpsc::channel::<()>();
        let unnamed = std::thread::spawn(move || {
            let _ = wait.recv();
        });
        let report = before
            .verify(&Options::default().deadline(Duration::from_millis(20)))
            .unwrap_err();
        let creator = std::thread::current().name().unwrap().to_owned();
        for thread in report.threads() {
            let inherited = creator.as_bytes().starts_with(thread.name().as_bytes());
            assert_eq!(thread.name_may_be_inherited(), inherited, "{report}");
        }
        assert!(
            report.to_string().contains(
                "name: maybe not its own; a thread that never names itself wears the name \
                 of the thread that started it"
            ),
            "{report}"
        );
        drop(release);
        unnamed.join().unwrap();
        named.release();
    });
}

#[cfg(not(target_os = "linux"))]
#[test]
fn an_unnamed_thread_has_no_name_and_is_not_said_to_wear_another() {
    // On macOS and Windows a new thread has no name until it names itself.
    isolated(|| {
        let before = ThreadSnapshot::take();
        let (release, wait) = std::sync::mpsc::channel::<()>();
        let unnamed = std::thread::spawn(move || {
            let _ = wait.recv();
        });
        let report = before
            .verify(&Options::default().deadline(Duration::from_millis(20)))
            .unwrap_err();
        let [thread] = report.threads() else {
            panic!("expected exactly one thread:\n{report}");
        };
        assert_eq!(thread.name(), "", "{report}");
        assert!(!thread.name_may_be_inherited(), "{report}");
        assert!(
            !report.to_string().contains("maybe not its own"),
            "{report}"
        );
        drop(release);
        unnamed.join().unwrap();
    });
}

#[test]
fn the_snapshot_counts_the_threads_alive() {
    isolated(|| {
        let before = ThreadSnapshot::take();
        assert!(before.is_supported());
        let blocked = blocked_thread("fixture-blocked");
        assert_eq!(ThreadSnapshot::take().len(), before.len() + 1);
        blocked.release();
        // A joined thread may still be listed for an instant while the kernel tears it
        // down: the verdict, not a bare count, says when it is gone.
        before.verify(&Options::default()).unwrap();
    });
}

// The quick clean verdict reads only the end of the kernel's thread list; these cases
// shift that end under it, and the verdict must stay exact.

#[test]
fn a_newcomer_is_found_after_older_threads_have_exited() {
    isolated(|| {
        let older: Vec<_> = (0..3).map(|_| blocked_thread("fixture-older")).collect();
        let before = ThreadSnapshot::take();
        older.into_iter().for_each(common::Blocked::release);
        let newcomer = blocked_thread("fixture-new");
        let report = before
            .verify(&Options::default().deadline(Duration::ZERO))
            .unwrap_err();
        let tids: Vec<_> = report.threads().iter().map(|t| t.tid()).collect();
        assert_eq!(tids, [newcomer.tid], "{report}");
        newcomer.release();
    });
}

#[test]
fn a_newcomer_in_the_place_of_an_exited_thread_is_found() {
    isolated(|| {
        let first = blocked_thread("fixture-older");
        let last = blocked_thread("fixture-older");
        let before = ThreadSnapshot::take();
        last.release();
        let newcomer = blocked_thread("fixture-new");
        let report = before
            .verify(&Options::default().deadline(Duration::ZERO))
            .unwrap_err();
        let tids: Vec<_> = report.threads().iter().map(|t| t.tid()).collect();
        assert_eq!(tids, [newcomer.tid], "{report}");
        newcomer.release();
        first.release();
    });
}

#[test]
fn a_process_whose_older_threads_exited_is_still_clean() {
    isolated(|| {
        let older: Vec<_> = (0..3).map(|_| blocked_thread("fixture-older")).collect();
        let before = ThreadSnapshot::take();
        older.into_iter().for_each(common::Blocked::release);
        before
            .verify(&Options::default().deadline(Duration::ZERO))
            .unwrap();
    });
}

/// How many threads the tests below start, one after another, once the threads whose IDs
/// must not come back have exited. Windows gives a new thread the ID of one that has just
/// exited; Wine does once 256 IDs are free, which took 362 to 395 starts in our runs.
const STARTS: usize = 2000;

/// Starts threads one after another, each ending before the next starts, until one wears
/// one of `ids`, or [`STARTS`] have started; that one is left running, and returned with
/// how many started.
fn start_until_one_wears(ids: &[u64]) -> (usize, common::Blocked) {
    let mut started = 0;
    loop {
        let newcomer = blocked_thread("fixture-new");
        started += 1;
        if started == STARTS || ids.contains(&newcomer.tid) {
            return (started, newcomer);
        }
        newcomer.release();
    }
}

#[test]
fn a_newcomer_never_wears_the_id_of_a_thread_of_the_snapshot_that_has_exited() {
    isolated(|| {
        let older: Vec<_> = (0..64).map(|_| blocked_thread("fixture-older")).collect();
        let older_tids: Vec<u64> = older.iter().map(|thread| thread.tid).collect();
        let before = ThreadSnapshot::take();
        older.into_iter().for_each(common::Blocked::release);
        // The first newcomer that wears the ID of an older thread is left running (a leak
        // that would pass for that thread), or else the last one.
        let (started, newcomer) = start_until_one_wears(&older_tids);
        let worn = older_tids.contains(&newcomer.tid);
        let Err(report) = before.verify(&Options::default().deadline(Duration::ZERO)) else {
            panic!(
                "thread {started} started after the snapshot is alive, and the verdict passed \
                 (its ID {} is {}the ID of a thread of the snapshot)",
                newcomer.tid,
                if worn { "" } else { "not " }
            );
        };
        let tids: Vec<_> = report.threads().iter().map(|t| t.tid()).collect();
        assert_eq!(tids, [newcomer.tid], "{report}");
        assert!(
            !worn,
            "thread {started} started after the snapshot wears the ID {} of a thread in \
             it: reported, but the snapshot should keep that ID from being reused",
            newcomer.tid
        );
        newcomer.release();
    });
}

#[test]
fn a_newcomer_on_the_id_of_an_excused_pool_thread_that_has_exited_is_reported() {
    isolated(|| {
        let before = ThreadSnapshot::take();
        // A pool's threads, recorded as they start and excused by the record.
        let pool_threads = StartedThreads::new();
        let pool: Vec<_> = (0..64)
            .map(|_| {
                let record = pool_threads.recorder();
                common::blocked_thread_with("fixture-pool", record)
            })
            .collect();
        let options = Options::default()
            .deadline(Duration::ZERO)
            .ignore_started(&pool_threads);
        before.verify(&options).unwrap();
        let pool_tids = pool_threads.tids();
        pool.into_iter().for_each(common::Blocked::release);
        let (started, newcomer) = start_until_one_wears(&pool_tids);
        let worn = pool_tids.contains(&newcomer.tid);
        let Err(report) = before.verify(&options) else {
            panic!(
                "thread {started} started after the pool's threads exited is alive, and the \
                 verdict excused it (its ID {} is {}the ID of a recorded pool thread)",
                newcomer.tid,
                if worn { "" } else { "not " }
            );
        };
        let tids: Vec<_> = report.threads().iter().map(|t| t.tid()).collect();
        assert_eq!(tids, [newcomer.tid], "{report}");
        assert!(
            !worn,
            "thread {started} wears the ID {} of a recorded pool thread: reported, but the \
             record should keep that ID from being reused",
            newcomer.tid
        );
        newcomer.release();
    });
}

#[test]
fn a_thread_verdict_taken_in_a_drop_while_its_thread_unwinds_gives_its_verdict() {
    // A guard of the test's own that checks in its `Drop`, reached while a failed
    // assertion unwinds: the verdict is given, and the process goes on.
    struct VerifyOnDrop {
        before: ThreadSnapshot,
        verdict: mpsc::Sender<(bool, Result<(), checker::LeakReport>)>,
    }
    impl Drop for VerifyOnDrop {
        fn drop(&mut self) {
            let verdict = self
                .before
                .verify(&Options::default().deadline(Duration::ZERO));
            let _ = self.verdict.send((thread::panicking(), verdict));
        }
    }
    isolated(|| {
        let (sender, verdicts) = mpsc::channel();
        let (leaked, leak) = mpsc::channel();
        let unwound = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
            let _guard = VerifyOnDrop {
                before: ThreadSnapshot::take(),
                verdict: sender,
            };
            leaked.send(blocked_thread("fixture-leak")).unwrap();
            panic!("a failed assertion, on purpose");
        }));
        assert!(unwound.is_err());
        let (panicking, verdict) = verdicts.recv().unwrap();
        assert!(panicking, "the verdict was taken while the thread unwound");
        let report = verdict.unwrap_err();
        assert_eq!(report.threads().len(), 1, "{report}");
        leak.recv().unwrap().release();
    });
}
