//! The report's text: what a person reads when a check fails.

mod common;

use std::time::Duration;

use checker::{Options, ThreadSnapshot, isolated};
use common::{BLOCKED_STATE, blocked_thread, report_at_rest, report_on_one, until_sleeping};

#[test]
fn a_thread_report_reads_like_goleaks_one_block_per_thread() {
    isolated(|| {
        let before = ThreadSnapshot::take();
        let first = blocked_thread("fixture-first");
        let second = blocked_thread("fixture-second");
        until_sleeping(&before, first.tid);
        until_sleeping(&before, second.tid);
        let report = report_at_rest(
            &before,
            &Options::default().deadline(Duration::from_millis(20)),
            &[first.tid, second.tid],
        );
        let text = report.to_string();
        let blocks: Vec<_> = text.split("\n\n").collect();
        assert_eq!(blocks.len(), 3, "{text}");
        assert!(
            blocks[0].starts_with("found 2 unexpected threads, still alive after ")
                && blocks[0].ends_with("ms:"),
            "{text}"
        );
        for (block, (name, tid)) in blocks[1..]
            .iter()
            .zip([("fixture-first", first.tid), ("fixture-second", second.tid)])
        {
            let lines: Vec<_> = block.lines().collect();
            assert_eq!(lines[0], format!("Thread \"{name}\" (TID {tid})"), "{text}");
            let (_, shown) = BLOCKED_STATE;
            assert_eq!(lines[1], format!("    state: {shown}"), "{text}");
            if cfg!(not(target_os = "linux")) {
                assert_eq!(lines.get(2), Some(&common::NO_WAIT_CHANNEL), "{text}");
            } else if let Some(wait) = lines.get(2) {
                assert!(wait.starts_with("    waits in: futex"), "{text}");
                assert!(
                    wait.ends_with("(a futex: a lock, a channel or a condvar)"),
                    "{text}"
                );
            }
        }
        first.release();
        second.release();
    });
}

#[test]
fn identical_threads_read_as_one_block_with_their_count_and_tids() {
    isolated(|| {
        let before = ThreadSnapshot::take();
        let pool: Vec<_> = (0..4).map(|_| blocked_thread("fixture-pool")).collect();
        let other = blocked_thread("fixture-other");
        for thread in pool.iter().chain([&other]) {
            until_sleeping(&before, thread.tid);
        }
        let tids: Vec<u64> = pool.iter().chain([&other]).map(|t| t.tid).collect();
        let report = report_at_rest(&before, &Options::default().deadline(Duration::ZERO), &tids);
        let text = report.to_string();
        let blocks: Vec<_> = text.split("\n\n").collect();
        assert_eq!(blocks.len(), 3, "{text}");
        assert!(
            blocks[0].starts_with("found 5 unexpected threads"),
            "{text}"
        );
        let mut tids: Vec<_> = pool.iter().map(|t| t.tid.to_string()).collect();
        tids.sort();
        let header = blocks[1].lines().next().unwrap();
        assert!(
            header.starts_with("4 threads \"fixture-pool\" (TIDs "),
            "{text}"
        );
        // Consecutive TIDs fold into a range; either way each end is named.
        assert!(
            header.contains(&tids[0]) && header.contains(&tids[3]),
            "{text}"
        );
        assert!(blocks[2].starts_with("Thread \"fixture-other\""), "{text}");
        for thread in pool.into_iter().chain([other]) {
            thread.release();
        }
    });
}

#[test]
fn unwrap_prints_the_readable_report() {
    isolated(|| {
        let (report, blocked) = report_on_one("fixture-unwrap");
        // `unwrap` and `expect` print the error with `Debug`.
        assert_eq!(format!("{report:?}"), report.to_string());
        blocked.release();
    });
}

#[test]
fn a_report_is_an_error_that_crosses_threads() {
    fn is_error<E: std::error::Error + Send + Sync + 'static>() {}
    is_error::<checker::LeakReport>();
}

#[test]
fn one_thread_is_said_in_the_singular() {
    isolated(|| {
        let (report, blocked) = report_on_one("fixture-one");
        assert!(
            report
                .to_string()
                .starts_with("found 1 unexpected thread, ")
        );
        blocked.release();
    });
}
