//! Ignore rules and deadlines: what a verdict excuses, and what it never does.

mod common;

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use checker::{DEFAULT_DEADLINE, Options, ThreadSnapshot, isolated};
use common::blocked_thread;

const SHORT: Duration = Duration::from_millis(20);

#[test]
fn the_default_deadline_is_half_a_second() {
    assert_eq!(DEFAULT_DEADLINE, Duration::from_millis(500));
    assert_eq!(Options::default().deadline_value(), DEFAULT_DEADLINE);
    let options = Options::default().deadline(Duration::from_secs(3));
    assert_eq!(options.deadline_value(), Duration::from_secs(3));
}

#[test]
#[should_panic(expected = "an empty prefix matches every thread")]
fn an_empty_prefix_is_refused() {
    let _ = Options::default().ignore_thread("");
}

#[test]
fn a_thread_named_with_an_ignored_prefix_is_excused() {
    isolated(|| {
        let before = ThreadSnapshot::take();
        let pool = blocked_thread("pool-worker-1");
        before
            .verify(&Options::default().ignore_thread("pool-").deadline(SHORT))
            .unwrap();
        pool.release();
    });
}

#[test]
fn an_ignore_rule_excuses_only_what_it_names() {
    isolated(|| {
        let before = ThreadSnapshot::take();
        let pool = blocked_thread("pool-worker-1");
        let leak = blocked_thread("leak");
        let report = before
            .verify(&Options::default().ignore_thread("pool-").deadline(SHORT))
            .unwrap_err();
        let names: Vec<_> = report.threads().iter().map(|t| t.name()).collect();
        assert_eq!(names, ["leak"]);
        pool.release();
        leak.release();
    });
}

#[test]
fn a_prefix_longer_than_the_kernel_keeps_matches_on_its_first_15_bytes() {
    isolated(|| {
        let before = ThreadSnapshot::take();
        let worker = blocked_thread("tokio-runtime-worker");
        before
            .verify(
                &Options::default()
                    .ignore_thread("tokio-runtime-worker")
                    .deadline(SHORT),
            )
            .unwrap();
        worker.release();
    });
}

#[test]
fn a_predicate_excuses_the_threads_it_accepts() {
    isolated(|| {
        let before = ThreadSnapshot::take();
        let excused = blocked_thread("cache-flusher");
        let leak = blocked_thread("leak");
        let options = Options::default()
            .ignore_thread_if(|t| t.name().contains("flush"))
            .deadline(SHORT);
        let report = before.verify(&options).unwrap_err();
        assert_eq!(report.threads().len(), 1);
        assert_eq!(report.threads()[0].name(), "leak");
        leak.release();
        before.verify(&options).unwrap();
        excused.release();
    });
}

#[test]
fn a_thread_is_judged_by_the_name_it_gave_itself_not_its_parents() {
    // std names a thread from inside it: for an instant a new thread wears its parent's
    // name. Once the child has named itself (it says so from its own code, which runs
    // after the naming), an ignore rule that matches the parent must not excuse it.
    isolated(|| {
        let before = ThreadSnapshot::take();
        let (release, wait) = mpsc::channel::<()>();
        let (named, child_named) = mpsc::channel();
        let parent = thread::Builder::new()
            .name("ignored-parent".to_owned())
            .spawn(move || {
                let child = thread::Builder::new()
                    .name("child-leak".to_owned())
                    .spawn(move || {
                        named.send(()).unwrap();
                        let _ = wait.recv();
                    })
                    .unwrap();
                child.join().unwrap();
            })
            .unwrap();
        child_named.recv().unwrap();
        let report = before
            .verify(
                &Options::default()
                    .ignore_thread("ignored-parent")
                    .deadline(SHORT),
            )
            .unwrap_err();
        let names: Vec<_> = report.threads().iter().map(|t| t.name()).collect();
        assert_eq!(names, ["child-leak"]);
        drop(release);
        parent.join().unwrap();
    });
}

#[test]
fn an_excused_thread_that_never_blocks_is_excused_at_the_deadline() {
    // A newcomer is excused early only once it has blocked; one that keeps running is
    // excused by the final reading at the deadline.
    isolated(|| {
        let before = ThreadSnapshot::take();
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (running, runs) = std::sync::mpsc::channel();
        let spinning = {
            let stop = std::sync::Arc::clone(&stop);
            thread::Builder::new()
                .name("pool-spinner".to_owned())
                .spawn(move || {
                    // std has named it by now: what the verdict reads is its own name,
                    // however late a loaded machine lets it start.
                    running.send(()).unwrap();
                    while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                        std::hint::spin_loop();
                    }
                })
                .unwrap()
        };
        runs.recv().unwrap();
        before
            .verify(&Options::default().ignore_thread("pool-").deadline(SHORT))
            .unwrap();
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        spinning.join().unwrap();
    });
}

#[test]
fn threads_alive_at_a_later_point_can_be_excused_too() {
    isolated(|| {
        let before = ThreadSnapshot::take();
        let pool = blocked_thread("started-on-purpose");
        let options = Options::default()
            .ignore_threads_alive_now()
            .deadline(SHORT);
        before.verify(&options).unwrap();
        let leak = blocked_thread("leak");
        let report = before.verify(&options).unwrap_err();
        let names: Vec<_> = report.threads().iter().map(|t| t.name()).collect();
        assert_eq!(names, ["leak"]);
        leak.release();
        pool.release();
    });
}

#[test]
fn options_clone_and_debug() {
    let options = Options::default()
        .ignore_thread("a")
        .ignore_thread_if(|_| false);
    let text = format!("{:?}", options.clone());
    assert!(
        text.contains("ignored_prefixes: [\"a\"]") && text.contains("filters: 1"),
        "{text}"
    );
}

#[test]
fn a_runtimes_own_threads_are_excused_by_tid_and_what_its_tasks_start_is_not() {
    isolated(|| {
        let before = ThreadSnapshot::take();
        let runtime_threads = checker::StartedThreads::new();
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .on_thread_start(runtime_threads.recorder())
            .build()
            .unwrap();
        // A task starts a thread without a name: on Linux it wears its worker's, tokio-rt-worker.
        let (release, wait) = std::sync::mpsc::channel::<()>();
        let (tid_tx, tid_rx) = std::sync::mpsc::channel();
        runtime.spawn(async move {
            std::thread::spawn(move || {
                tid_tx.send(checker::current_tid().unwrap()).unwrap();
                let _ = wait.recv();
            });
        });
        let stray = tid_rx.recv().unwrap();
        // The other worker may still be starting: once both have recorded themselves,
        // and the stray thread waits for `release`, no deadline would change the verdict.
        common::wait_until("both workers to record themselves", || {
            runtime_threads.tids().len() == 2
        });
        let options = Options::default()
            .deadline(Duration::ZERO)
            .ignore_started(&runtime_threads);
        let report = before.verify(&options).unwrap_err();
        let leaked: Vec<_> = report.threads().iter().map(|t| t.tid()).collect();
        assert_eq!(leaked, [stray], "{report}");
        if cfg!(target_os = "linux") {
            assert_eq!(report.threads()[0].name(), "tokio-rt-worker");
            assert!(report.threads()[0].name_may_be_inherited(), "{report}");
        } else {
            // On macOS and Windows an unnamed thread has no name.
            assert_eq!(report.threads()[0].name(), "", "{report}");
            assert!(!report.threads()[0].name_may_be_inherited(), "{report}");
        }
        drop(release);
        drop(runtime);
    });
}
