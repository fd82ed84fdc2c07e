//! A leaked thread's stack in the report: the line of this file where it waits. Stacks are
//! read on x86-64 Linux only (elsewhere a report says so: tests/threads.rs).

#![cfg(all(target_os = "linux", target_arch = "x86_64"))]

mod common;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Barrier, Condvar, Mutex, mpsc};
use std::thread;
use std::time::Duration;

use checker::{LeakReport, LeakedThread, Options, ThreadSnapshot, ThreadStack, isolated};
use common::current_tid;

/// Waits until thread `tid` sleeps. On Linux the kernel says so apart from the checker,
/// and no snapshot is read (the one given is for platforms that need one).
fn asleep(tid: u64) {
    common::until_sleeping(&ThreadSnapshot::take(), tid);
}

/// Starts `wait` on a thread after the snapshot; the thread says its TID and the line it
/// is about to wait at (its next line, by `line!() + 1`). Returns the report given once
/// it sleeps, and that line.
fn leak(wait: impl FnOnce(&mpsc::Sender<(u64, u32)>) + Send + 'static) -> (LeakReport, u32) {
    let before = ThreadSnapshot::take();
    let (said, hear) = mpsc::channel();
    thread::spawn(move || wait(&said));
    let (tid, line) = hear.recv().unwrap();
    asleep(tid);
    let report = before
        .verify(&Options::default().deadline(Duration::ZERO))
        .unwrap_err();
    (report, line)
}

fn the_one(report: &LeakReport) -> &LeakedThread {
    let [thread] = report.threads() else {
        panic!("expected one thread:\n{report}");
    };
    thread
}

/// The report names this file and the line, and says so in its text.
fn names_the_line(report: &LeakReport, line: u32) {
    let stack = the_one(report)
        .stack()
        .expect("a reported thread has a stack");
    let at = stack
        .waits_at()
        .unwrap_or_else(|| panic!("no line:\n{report}"));
    let expected = format!("tests/stacks.rs:{line}");
    assert!(at.ends_with(&expected), "{at} is not {expected}:\n{report}");
    assert!(
        report.to_string().contains(&format!("waits at {at}")),
        "{report}"
    );
}

#[test]
fn a_thread_blocked_on_a_channel_receive_is_reported_at_its_line() {
    isolated(|| {
        let (_keep, rx) = mpsc::channel::<()>();
        let (report, line) = leak(move |said| {
            said.send((current_tid(), line!() + 1)).unwrap();
            let _ = rx.recv();
        });
        names_the_line(&report, line);
        assert!(
            report.to_string().contains("in std's Receiver::recv"),
            "{report}"
        );
    });
}

#[test]
fn a_thread_blocked_on_a_mutex_is_reported_at_its_line() {
    isolated(|| {
        let lock = Arc::new(Mutex::new(()));
        let _held = lock.lock().unwrap();
        let theirs = Arc::clone(&lock);
        let (report, line) = leak(move |said| {
            said.send((current_tid(), line!() + 1)).unwrap();
            let _guard = theirs.lock();
        });
        names_the_line(&report, line);
        assert!(report.to_string().contains("in std's lock"), "{report}");
    });
}

#[test]
fn a_thread_waiting_on_a_condvar_is_reported_at_its_line() {
    isolated(|| {
        let pair = Arc::new((Mutex::new(false), Condvar::new()));
        let theirs = Arc::clone(&pair);
        let (report, line) = leak(move |said| {
            let (flag, signal) = &*theirs;
            let guard = flag.lock().unwrap();
            said.send((current_tid(), line!() + 1)).unwrap();
            let _guard = signal.wait_while(guard, |set| !*set);
        });
        names_the_line(&report, line);
        assert!(
            the_one(&report)
                .stack()
                .unwrap()
                .functions()
                .any(|f| f == "std::sync::poison::condvar::Condvar::wait_while"),
            "{report}"
        );
    });
}

#[test]
fn a_parked_thread_is_reported_at_its_line() {
    isolated(|| {
        let (report, line) = leak(|said| {
            said.send((current_tid(), line!() + 1)).unwrap();
            thread::park();
        });
        names_the_line(&report, line);
        assert!(report.to_string().contains("in std's park"), "{report}");
        // std parks with a futex, through libc's `syscall`: the innermost frame, named
        // from libc's symbol table.
        let stack = the_one(&report).stack().unwrap();
        assert_eq!(stack.functions().next(), Some("syscall"), "{report}");
    });
}

#[test]
fn a_thread_waiting_at_a_barrier_is_reported_at_its_line() {
    isolated(|| {
        let barrier = Arc::new(Barrier::new(2));
        let theirs = Arc::clone(&barrier);
        let (report, line) = leak(move |said| {
            said.send((current_tid(), line!() + 1)).unwrap();
            theirs.wait();
        });
        names_the_line(&report, line);
        assert!(
            report.to_string().contains("in std's Barrier::wait"),
            "{report}"
        );
    });
}

#[test]
fn a_running_thread_gets_a_reason_instead_of_a_stack() {
    isolated(|| {
        let before = ThreadSnapshot::take();
        let stop = Arc::new(AtomicBool::new(false));
        let spinning = Arc::clone(&stop);
        let spinner = thread::spawn(move || {
            while !spinning.load(Ordering::Relaxed) {
                std::hint::spin_loop();
            }
        });
        let report = before
            .verify(&Options::default().deadline(Duration::ZERO))
            .unwrap_err();
        stop.store(true, Ordering::Relaxed);
        spinner.join().unwrap();
        let stack = the_one(&report).stack().unwrap();
        assert!(stack.waits_at().is_none(), "{report}");
        let why = stack.why_missing().expect("a reason");
        assert!(why.starts_with("not read: it was running"), "{why}");
        assert!(
            report.to_string().contains(&format!("stack: {why}")),
            "{report}"
        );
    });
}

#[test]
fn threads_waiting_at_the_same_place_share_one_stack() {
    isolated(|| {
        let before = ThreadSnapshot::take();
        let (_keep, rx) = mpsc::channel::<()>();
        let rx = Arc::new(Mutex::new(rx));
        let (said, hear) = mpsc::channel();
        for _ in 0..3 {
            let rx = Arc::clone(&rx);
            let said = said.clone();
            thread::spawn(move || {
                said.send(current_tid()).unwrap();
                let _ = rx.lock().map(|rx| rx.recv());
            });
        }
        for _ in 0..3 {
            asleep(hear.recv().unwrap());
        }
        let report = before
            .verify(&Options::default().deadline(Duration::ZERO))
            .unwrap_err();
        // One holds the lock and waits on the channel; two wait for the lock, at the
        // same place: theirs is one stack.
        let mut distinct: Vec<&ThreadStack> = Vec::new();
        for thread in report.threads() {
            let stack = thread.stack().expect("a reported thread has a stack");
            assert!(stack.waits_at().is_some(), "{report}");
            if !distinct.contains(&stack) {
                distinct.push(stack);
            }
        }
        assert_eq!(distinct.len(), 2, "{report}");
    });
}

/// Waits on `rx`: the function a stack rule names.
#[inline(never)]
fn waits_for_release(rx: &mpsc::Receiver<()>) {
    let _ = rx.recv();
}

/// Calls [`waits_for_release`]: a function the stack passes through.
#[inline(never)]
fn worker_loop(rx: &mpsc::Receiver<()>) {
    waits_for_release(rx);
}

/// A verdict with `options` on a thread blocked in `worker_loop`, started after the
/// snapshot and asleep.
fn verdict_on_worker(options: &Options) -> Result<(), LeakReport> {
    let before = ThreadSnapshot::take();
    let (said, hear) = mpsc::channel();
    let (_keep, rx) = mpsc::channel::<()>();
    thread::spawn(move || {
        said.send(current_tid()).unwrap();
        worker_loop(&rx);
    });
    asleep(hear.recv().unwrap());
    // Asleep, it is named and has its stack: the first reading decides.
    before.verify(&options.clone().deadline(Duration::ZERO))
}

#[test]
fn a_thread_waiting_in_an_ignored_top_function_is_excused() {
    isolated(|| {
        verdict_on_worker(&Options::default().ignore_top_function("stacks::waits_for_release"))
            .unwrap();
    });
}

#[test]
fn a_function_the_wait_only_passes_through_is_not_its_top_function() {
    isolated(|| {
        let report =
            verdict_on_worker(&Options::default().ignore_top_function("stacks::worker_loop"))
                .unwrap_err();
        assert_eq!(report.threads().len(), 1, "{report}");
    });
}

#[test]
fn a_thread_passing_through_an_ignored_function_is_excused() {
    isolated(|| {
        verdict_on_worker(&Options::default().ignore_any_function("stacks::worker_loop")).unwrap();
    });
}

#[test]
fn a_stack_rule_naming_another_function_excuses_nothing() {
    isolated(|| {
        let report = verdict_on_worker(
            &Options::default()
                .ignore_any_function("stacks::waits_for_release_more")
                .ignore_top_function("stacks::waits_for"),
        )
        .unwrap_err();
        let stack = the_one(&report).stack().unwrap();
        assert!(
            stack.functions().any(|f| f == "stacks::waits_for_release"),
            "{report}"
        );
    });
}

#[test]
fn an_empty_function_name_is_refused_with_the_way_out() {
    let refused = std::panic::catch_unwind(|| Options::default().ignore_top_function(" "));
    let message = refused.unwrap_err();
    let message = message.downcast_ref::<String>().unwrap();
    assert!(message.contains("ignore_top_function(\"\")"), "{message}");
    assert!(
        message.contains("e.g. ignore_top_function(\"tokio::"),
        "{message}"
    );
}

#[test]
fn an_idle_thread_of_tokios_blocking_pool_is_recognised_and_excused_by_its_stack() {
    isolated(|| {
        let before = ThreadSnapshot::take();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let blocking =
            runtime.block_on(async { tokio::task::spawn_blocking(current_tid).await.unwrap() });
        // The blocking thread now waits for more work, for 10 s.
        asleep(blocking);
        let at_once = Options::default().deadline(Duration::ZERO);
        let report = before.verify(&at_once).unwrap_err();
        let text = report.to_string();
        assert!(
            text.contains("an idle thread of tokio's blocking pool"),
            "{text}"
        );
        let excused = at_once.ignore_top_function("tokio::runtime::blocking::pool::Inner::run");
        before.verify(&excused).unwrap();
        drop(runtime);
    });
}

#[test]
fn an_idle_rayon_worker_is_recognised_and_excused_by_its_stack() {
    isolated(|| {
        let before = ThreadSnapshot::take();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        // The worker, once out of work, spins a while and then falls asleep.
        asleep(pool.install(current_tid));
        let report = before
            .verify(&Options::default().deadline(Duration::ZERO))
            .unwrap_err();
        let text = report.to_string();
        assert!(text.contains("an idle rayon worker"), "{text}");
        let advised =
            "ignore_top_function(\"rayon_core::registry::WorkerThread::wait_until_cold\")";
        assert!(text.contains(advised), "{text}");
        let excused = Options::default()
            .deadline(Duration::ZERO)
            .ignore_top_function("rayon_core::registry::WorkerThread::wait_until_cold");
        before.verify(&excused).unwrap();
        drop(pool);
    });
}

/// Waits for an answer that never comes: the async function a task's stack rule names.
async fn waits_for_answer(answer: tokio::sync::oneshot::Receiver<()>) {
    let _ = answer.await;
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_traced_task_waiting_in_an_ignored_function_is_excused() {
    let before = checker::TaskSnapshot::take(&tokio::runtime::Handle::current());
    let (_keep, answer) = tokio::sync::oneshot::channel();
    tokio::spawn(checker::traced(waits_for_answer(answer)));
    tokio::task::yield_now().await;
    let report = before.verify(&Options::default()).await.unwrap_err();
    assert_eq!(report.traced_tasks().len(), 1, "{report}");
    let top = Options::default().ignore_top_function("stacks::waits_for_answer");
    before.verify(&top).await.unwrap();
    let any = Options::default().ignore_any_function("stacks::waits_for_answer");
    before.verify(&any).await.unwrap();
    let other = Options::default().ignore_top_function("stacks::waits_for");
    let report = before.verify(&other).await.unwrap_err();
    assert_eq!(report.tasks(), 1, "{report}");
}

#[test]
fn a_thread_started_after_an_earlier_report_gets_its_stack_too() {
    isolated(|| {
        let (_keep, rx) = mpsc::channel::<()>();
        let (first, _) = leak(move |said| {
            said.send((current_tid(), line!())).unwrap();
            let _ = rx.recv();
        });
        assert!(
            the_one(&first).stack().unwrap().waits_at().is_some(),
            "{first}"
        );
        // A new thread's stack is a new mapping, unknown at the first report.
        let (_keep, rx) = mpsc::channel::<()>();
        let (second, line) = leak(move |said| {
            said.send((current_tid(), line!() + 1)).unwrap();
            let _ = rx.recv();
        });
        names_the_line(&second, line);
    });
}

/// The fixture of the tests below, run from a copy of this binary in a folder whose path
/// has a space; with `DELETE_THE_COPY` set, the copy deletes itself before its verdict, so
/// that the kernel lists its mappings as `(deleted)`.
#[test]
#[ignore = "a fixture for the tests below, run from a copy of this binary"]
fn fixture_a_thread_blocked_in_a_copy_of_this_binary() {
    let deleted = std::env::var_os("DELETE_THE_COPY").is_some();
    if deleted {
        std::fs::remove_file(std::env::current_exe().unwrap()).unwrap();
    }
    let (_keep, rx) = mpsc::channel::<()>();
    let (report, line) = leak(move |said| {
        said.send((current_tid(), line!() + 1)).unwrap();
        let _ = rx.recv();
    });
    let stack = the_one(&report).stack().unwrap();
    assert_eq!(stack.why_missing(), None, "{report}");
    let text = report.to_string();
    assert!(
        !text.contains("no frame of its stack is in your code"),
        "{text}"
    );
    if deleted {
        // Unwound through the deleted file's tables; naming its frames is the `backtrace`
        // crate's, which cannot open a deleted program: the report says so.
        assert!(text.contains("frames of it could not be named"), "{text}");
    } else {
        names_the_line(&report, line);
    }
}

/// Runs the fixture above from a copy of this binary in a new folder whose path has a
/// space, and returns whether it passed and what it printed.
fn run_a_copy(delete: bool) -> (bool, String) {
    let folder =
        std::env::temp_dir().join(format!("checker stacks {} {}", std::process::id(), delete));
    std::fs::create_dir_all(&folder).unwrap();
    let copy = folder.join("stacks copy");
    std::fs::copy(std::env::current_exe().unwrap(), &copy).unwrap();
    let mut command = std::process::Command::new(&copy);
    command
        .args([
            "fixture_a_thread_blocked_in_a_copy_of_this_binary",
            "--exact",
        ])
        .args(["--ignored", "--nocapture"])
        .env_remove("CHECKER_ISOLATED_TEST");
    if delete {
        command.env("DELETE_THE_COPY", "1");
    }
    let output = command.output().unwrap();
    let _ = std::fs::remove_dir_all(&folder);
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), printed)
}

#[test]
fn a_program_in_a_folder_whose_path_has_a_space_gets_its_stacks() {
    let (passed, printed) = run_a_copy(false);
    assert!(passed, "{printed}");
}

#[test]
fn a_program_deleted_while_it_runs_is_still_unwound() {
    let (passed, printed) = run_a_copy(true);
    assert!(passed, "{printed}");
}
