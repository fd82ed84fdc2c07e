//! The limits of thread checks that a user meets with tokio, each shown as it is.

mod common;

use std::time::Duration;

use checker::{Options, ThreadSnapshot, isolated};

/// The name tokio gives its worker and blocking threads.
const TOKIO_THREAD: &str = "tokio-rt-worker";

#[test]
fn limit_a_blocking_job_shows_as_a_thread_not_a_task() {
    isolated(|| {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let before = ThreadSnapshot::take();
        let (release, wait) = std::sync::mpsc::channel::<()>();
        let _job = runtime.spawn_blocking(move || {
            let _ = wait.recv();
        });
        let report = before
            .verify(&Options::default().deadline(Duration::from_millis(20)))
            .unwrap_err();
        let names: Vec<_> = report.threads().iter().map(|t| t.name()).collect();
        assert_eq!(names, [TOKIO_THREAD]);
        drop(release);
    });
}

#[test]
fn limit_tokio_keeps_an_idle_blocking_thread_for_ten_seconds() {
    isolated(|| {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let before = ThreadSnapshot::take();
        runtime.block_on(runtime.spawn_blocking(|| {})).unwrap();
        // The job is done, but its thread waits for more work for 10 s: reported, by a
        // verdict at once as by any shorter than that.
        let report = before
            .verify(&Options::default().deadline(Duration::ZERO))
            .unwrap_err();
        assert_eq!(report.threads()[0].name(), TOKIO_THREAD);
        // Dropping the runtime does not wait for it either; shutting down with a timeout
        // does.
        runtime.shutdown_timeout(Duration::from_secs(60));
        before.verify(&Options::default()).unwrap();
    });
}

#[test]
fn limit_a_runtime_that_sets_thread_keep_alive_gives_its_blocking_threads_back() {
    isolated(|| {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .thread_keep_alive(Duration::from_millis(1))
            .build()
            .unwrap();
        let before = ThreadSnapshot::take();
        runtime.block_on(runtime.spawn_blocking(|| {})).unwrap();
        before
            .verify(&Options::default().deadline(Duration::from_secs(60)))
            .unwrap();
    });
}

/// Placing a thread on a chosen TID takes setting the kernel's TID counter
/// (`/proc/sys/kernel/ns_last_pid`), which a process may do in a PID namespace of its own:
/// this test runs the fixture below in one, made with `unshare` (a user namespace maps
/// this user to root there), so that nothing outside it is touched.
#[cfg(target_os = "linux")]
#[test]
#[ignore = "needs user and PID namespaces (unshare) to place a thread on a TID: .ci/run runs it"]
fn a_thread_born_on_the_tid_of_an_exited_thread_is_reported() {
    let exe = std::env::current_exe().unwrap();
    let output = std::process::Command::new("unshare")
        .args([
            "--user",
            "--map-root-user",
            "--pid",
            "--fork",
            "--mount-proc",
        ])
        .arg(exe)
        .args(["fixture_a_thread_on_a_reused_tid", "--exact", "--ignored"])
        .args(["--nocapture", "--test-threads=1"])
        .env_remove("CHECKER_ISOLATED_TEST")
        .output()
        .expect("unshare (util-linux) runs the fixture in namespaces of its own");
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "{printed}");
    assert!(printed.contains("reported on its reused TID"), "{printed}");
}

/// A thread of the snapshot exits, and a new one is born on its TID: the verdict reports
/// it, and neither `StartedThreads` nor `ignore_threads_alive_now`, which knew the old
/// thread, excuses it. Run by the test above as the first process of a PID namespace.
#[cfg(target_os = "linux")]
#[test]
#[ignore = "a fixture for the test above, run in a PID namespace of its own"]
fn fixture_a_thread_on_a_reused_tid() {
    if std::process::id() != 1 {
        println!("not in a PID namespace of its own: the TID counter is left alone");
        return;
    }
    // Threads of the snapshot that exit, and whose TIDs the new thread may take: several,
    // since the kernel may hold a freed TID back for a moment.
    let older_threads = checker::StartedThreads::new();
    let older: Vec<_> = (0..8)
        .map(|_| common::blocked_thread_with("fixture-older", older_threads.recorder()))
        .collect();
    let older_tids: Vec<u64> = older.iter().map(|thread| thread.tid).collect();
    // Start times count clock ticks (10 ms): the new thread must start in a later tick
    // than the old ones, or nothing could tell them apart.
    for &tid in &older_tids {
        common::until_a_tick_after_the_start_of(tid);
    }
    let before = ThreadSnapshot::take();
    let alive_then = Options::default().ignore_threads_alive_now();
    older.into_iter().for_each(common::Blocked::release);
    older_tids.iter().copied().for_each(common::until_gone);
    let lowest = *older_tids.iter().min().unwrap();
    let reused = (0..100)
        .find_map(|_| {
            std::fs::write("/proc/sys/kernel/ns_last_pid", (lowest - 1).to_string())
                .expect("the namespace's TID counter can be set");
            let newer = common::blocked_thread("fixture-newer");
            if older_tids.contains(&newer.tid) {
                Some(newer)
            } else {
                newer.release();
                None
            }
        })
        .expect("a new thread was born on the TID of an old one");
    let reused_tid = reused.tid;
    for options in [
        Options::default(),
        Options::default().ignore_started(&older_threads),
        alive_then,
    ] {
        let report = before
            .verify(&options.deadline(Duration::from_millis(20)))
            .expect_err("the new thread is alive");
        let tids: Vec<u64> = report.threads().iter().map(|t| t.tid()).collect();
        assert_eq!(tids, [reused_tid], "{report}");
        assert_eq!(report.threads()[0].name(), "fixture-newer", "{report}");
    }
    reused.release();
    println!("a thread born on the TID of an exited one is reported on its reused TID");
}
