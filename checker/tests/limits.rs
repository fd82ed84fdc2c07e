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

#[cfg(target_os = "linux")]
#[test]
#[ignore = "cycles the machine's whole TID space (pid_max thread creations): run on purpose"]
fn limit_a_new_thread_that_reuses_the_tid_of_an_exited_one_is_taken_for_it() {
    isolated(|| {
        let pid_max: u64 = std::fs::read_to_string("/proc/sys/kernel/pid_max")
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        let (tid_tx, tid_rx) = std::sync::mpsc::channel();
        let (release, wait) = std::sync::mpsc::channel::<()>();
        let older = std::thread::spawn(move || {
            tid_tx.send(common::current_tid()).unwrap();
            let _ = wait.recv();
        });
        let older_tid = tid_rx.recv().unwrap();
        let before = ThreadSnapshot::take();
        drop(release);
        older.join().unwrap();
        // Spin the TID counter round until a new thread gets the old one's TID.
        let (stop, stopped) = std::sync::mpsc::channel::<()>();
        let mut stopped = Some(stopped);
        let mut reused = None;
        for _ in 0..pid_max * 2 {
            let (tid_tx, tid_rx) = std::sync::mpsc::channel();
            let holder = stopped.take().unwrap();
            let thread = std::thread::spawn(move || {
                let me = common::current_tid();
                tid_tx.send(me).unwrap();
                if me == older_tid {
                    let _ = holder.recv();
                    None
                } else {
                    Some(holder)
                }
            });
            if tid_rx.recv().unwrap() == older_tid {
                reused = Some(thread);
                break;
            }
            stopped = thread.join().unwrap();
        }
        let reused = reused.expect("the TID counter came round within 2 x pid_max threads");
        // The new thread is alive and was born after the snapshot, yet it passes.
        before.verify(&Options::default()).unwrap();
        drop(stop);
        assert!(reused.join().unwrap().is_none());
    });
}
