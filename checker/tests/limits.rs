//! The limits of thread checks that a user meets with tokio, each shown as it is.

#![cfg(target_os = "linux")]

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
        // The job is done, but its thread waits for more work for 10 s: reported.
        let report = before
            .verify(&Options::default().deadline(Duration::from_millis(100)))
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
