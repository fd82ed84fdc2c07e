//! The checker against crates people use it with: how to write the check for each, and
//! what each leaves behind and for how long. The crate's documentation and the book quote
//! these tests.

use std::time::Duration;

use checker::{Options, StartedThreads, TaskSnapshot, ThreadSnapshot, isolated};
use tokio::sync::oneshot;

// ANCHOR: rayon
#[test]
fn a_rayon_pool_is_gone_soon_after_it_is_dropped() {
    // A local pool's threads exit after the pool is dropped, not at the drop: the
    // verdict's deadline waits for them (milliseconds).
    isolated(|| {
        let before = ThreadSnapshot::take();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build()
            .unwrap();
        let sum: u64 = pool.install(|| {
            rayon::iter::ParallelIterator::sum(rayon::iter::IntoParallelIterator::into_par_iter(
                0..1000u64,
            ))
        });
        assert_eq!(sum, 499_500);
        drop(pool);
        before.verify(&Options::default())
    });
}

#[test]
fn rayons_global_pool_lives_for_good_and_is_excused_by_tid() {
    // The global pool starts on first use and never ends. Record its threads as they
    // start, and excuse exactly those: a thread they start is still caught.
    isolated(|| {
        let before = ThreadSnapshot::take();
        let pool_threads = StartedThreads::new();
        let record = pool_threads.recorder();
        rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .start_handler(move |_| record())
            .build_global()
            .unwrap();
        rayon::join(|| (), || ());
        before.verify(&Options::default().ignore_started(&pool_threads))
    });
}
// ANCHOR_END: rayon

// ANCHOR: threadpool
#[test]
fn a_threadpool_is_gone_soon_after_it_is_dropped() {
    // `join` waits for the jobs, not for the threads: they exit once the pool is
    // dropped and its queue closes, a moment later.
    isolated(|| {
        let before = ThreadSnapshot::take();
        let pool = threadpool::ThreadPool::new(4);
        for _ in 0..8 {
            pool.execute(|| {});
        }
        pool.join();
        drop(pool);
        before.verify(&Options::default())
    });
}
// ANCHOR_END: threadpool

// ANCHOR: scopes
#[test]
fn scoped_threads_are_gone_a_moment_after_the_scope_ends() {
    // std's and crossbeam's scopes return once each closure has returned; the OS thread
    // may still be on its way out, and listed, and the verdict's deadline waits for it.
    isolated(|| {
        let before = ThreadSnapshot::take();
        std::thread::scope(|s| {
            s.spawn(|| {});
            s.spawn(|| {});
        });
        crossbeam_utils::thread::scope(|s| {
            s.spawn(|_| {});
        })
        .unwrap();
        before.verify(&Options::default())
    });
}
// ANCHOR_END: scopes

// ANCHOR: runtime
#[test]
fn a_dropped_runtime_takes_its_threads_with_it() {
    // Dropping a multi-thread runtime waits for its workers and its blocking threads to
    // end; an idle blocking thread does not wait out its 10 s keep-alive.
    isolated(|| {
        let before = ThreadSnapshot::take();
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .build()
            .unwrap();
        runtime.block_on(async {
            tokio::task::spawn_blocking(|| {}).await.unwrap();
        });
        drop(runtime);
        before.verify(&Options::default())
    });
}

#[test]
fn a_live_runtimes_threads_are_excused_by_tid_and_what_they_start_is_not() {
    isolated(|| {
        let before = ThreadSnapshot::take();
        let runtime_threads = StartedThreads::new();
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .on_thread_start(runtime_threads.recorder())
            .build()
            .unwrap();
        // A blocking thread starts, and stays 10 s: recorded, so excused.
        let blocking = async { tokio::task::spawn_blocking(|| {}).await };
        runtime.block_on(blocking).unwrap();
        let options = Options::default().ignore_started(&runtime_threads);
        before.verify(&options).unwrap();
        // A thread a task starts is no thread of the runtime's.
        let (stop, stopped) = std::sync::mpsc::channel::<()>();
        let (started, has_started) = std::sync::mpsc::channel();
        runtime.spawn(async move {
            std::thread::spawn(move || {
                started.send(()).unwrap();
                stopped.recv()
            });
        });
        has_started.recv().unwrap();
        // It has started and waits for `stop`: no deadline would see it end.
        let at_once = options.clone().deadline(Duration::ZERO);
        let report = before.verify(&at_once).unwrap_err();
        assert_eq!(report.threads().len(), 1, "{report}");
        drop(stop);
        drop(runtime);
        before.verify(&Options::default())
    });
}
// ANCHOR_END: runtime

// ANCHOR: tracker
#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_closed_and_awaited_task_tracker_leaves_no_task() {
    // `TaskTracker::wait` returns once the tracker is closed and every task it tracks
    // has ended: nothing is left to count.
    let before = TaskSnapshot::take(&tokio::runtime::Handle::current());
    let tracker = tokio_util::task::TaskTracker::new();
    for _ in 0..3 {
        tracker.spawn(tokio::time::sleep(Duration::from_secs(1)));
    }
    tracker.close();
    tracker.wait().await;
    before
        .verify(&Options::default().deadline(Duration::ZERO))
        .await
        .unwrap();
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_dropped_join_set_aborts_its_tasks_and_they_go_at_their_next_poll() {
    // Dropping a `JoinSet` aborts its tasks; an aborted task leaves the count once the
    // runtime has polled it again, which the verdict's deadline allows for.
    let before = TaskSnapshot::take(&tokio::runtime::Handle::current());
    let mut set = tokio::task::JoinSet::new();
    let (keep, never) = tokio::sync::watch::channel(());
    for _ in 0..3 {
        let mut never = never.clone();
        set.spawn(async move {
            let _ = never.wait_for(|_| false).await;
        });
    }
    tokio::task::yield_now().await;
    drop(set);
    before.verify(&Options::default()).await.unwrap();
    drop(keep);
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_task_tracker_that_is_never_closed_is_caught() {
    let before = TaskSnapshot::take(&tokio::runtime::Handle::current());
    let tracker = tokio_util::task::TaskTracker::new();
    let (keep, never) = oneshot::channel::<()>();
    tracker.spawn(checker::traced(async move {
        let _ = never.await;
    }));
    let report = before.verify(&Options::default()).await.unwrap_err();
    assert_eq!(report.tasks(), 1);
    drop(keep);
}
// ANCHOR_END: tracker

// ANCHOR: local_pool
#[test]
fn a_local_pool_is_seen_by_its_threads() {
    // `LocalPoolHandle` runs each worker on a thread of its own with a `LocalSet`, which
    // tokio's task count does not see: check its threads, which end when the last
    // handle is dropped.
    isolated(|| {
        let before = ThreadSnapshot::take();
        let pool = tokio_util::task::LocalPoolHandle::new(2);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let answer = runtime
            .block_on(pool.spawn_pinned(|| async { 42 }))
            .unwrap();
        assert_eq!(answer, 42);
        assert!(
            before
                .verify(&Options::default().deadline(Duration::ZERO))
                .is_err()
        );
        drop(pool);
        drop(runtime);
        before.verify(&Options::default())
    });
}
// ANCHOR_END: local_pool

// ANCHOR: notify
// Shown with notify's Linux backend (inotify); its macOS and Windows backends run threads
// of their own kinds.
#[cfg(target_os = "linux")]
#[test]
fn a_file_watchers_thread_ends_with_the_watcher() {
    // notify's watcher runs a thread of its own until it is dropped.
    isolated(|| {
        use notify::Watcher as _;
        let before = ThreadSnapshot::take();
        let dir = std::env::temp_dir();
        let mut watcher = notify::recommended_watcher(|_event| {}).unwrap();
        watcher
            .watch(&dir, notify::RecursiveMode::NonRecursive)
            .unwrap();
        let report = before
            .verify(&Options::default().deadline(Duration::ZERO))
            .unwrap_err();
        assert!(!report.threads().is_empty());
        drop(watcher);
        before.verify(&Options::default())
    });
}
// ANCHOR_END: notify
