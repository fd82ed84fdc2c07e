//! Where a verdict is taken, when that changes how to read it: on a test thread that
//! may share its process with other tests, on a thread a tokio runtime runs its tasks on, or
//! inside a `LocalSet`, whose tasks tokio does not count.

use std::cell::Cell;
use std::env;
use std::panic::{self, PanicHookInfo};
use std::sync::Arc;
use std::thread;

use tokio::runtime::{Handle, RuntimeFlavor};

/// Notes for a failed thread verdict taken here and now.
pub(crate) fn thread_verdict_notes() -> Vec<String> {
    [shared_with_other_tests(), blocked_a_runtime()]
        .into_iter()
        .flatten()
        .collect()
}

/// When the verdict was taken on a test harness's thread, in a process that may run other
/// tests at the same time: their threads may be in the report.
fn shared_with_other_tests() -> Option<String> {
    if crate::isolated::runs_alone() {
        return None;
    }
    // libtest names each test's thread after the test's path; `main` and unnamed threads
    // are not a harness's test threads.
    let current = thread::current();
    let test = current.name().filter(|name| *name != "main")?;
    let at_once = test_threads();
    if at_once == 1 {
        return None;
    }
    Some(format!(
        "This verdict was taken in test `{test}`, whose process may run other tests beside \
         it (up to {at_once} at once): a thread another test started meanwhile is reported \
         here too. Run the check inside checker::isolated, run the tests under \
         cargo-nextest (a process per test), or with `--test-threads=1`."
    ))
}

/// How many tests libtest runs at once: `--test-threads`, else `RUST_TEST_THREADS`, else
/// the machine's parallelism, as libtest decides.
fn test_threads() -> usize {
    let args: Vec<String> = env::args().collect();
    let from_args =
        args.iter()
            .enumerate()
            .find_map(|(i, arg)| match arg.strip_prefix("--test-threads") {
                Some(rest) => match rest.strip_prefix('=') {
                    Some(value) => Some(value.to_owned()),
                    None if rest.is_empty() => args.get(i + 1).cloned(),
                    None => None,
                },
                None => None,
            });
    from_args
        .or_else(|| env::var("RUST_TEST_THREADS").ok())
        .and_then(|value| value.parse().ok())
        .unwrap_or_else(|| thread::available_parallelism().map_or(1, usize::from))
}

/// When the verdict blocked a thread that a tokio runtime runs tasks on (inside its
/// `block_on`, as in `#[tokio::test]`, or in one of its tasks) while the runtime had tasks
/// alive: those tasks could not run there while it waited, and a thread waiting on one of
/// them could not be released. A runtime with no task alive lost nothing to the wait.
fn blocked_a_runtime() -> Option<String> {
    if crate::threads_async::looking_async() {
        return None;
    }
    let handle = Handle::try_current().ok()?;
    let alive = handle.metrics().num_alive_tasks();
    if alive == 0 {
        return None;
    }
    let (tasks, them) = match alive {
        1 => ("task", "it"),
        _ => ("tasks", "them"),
    };
    let effect = match handle.runtime_flavor() {
        RuntimeFlavor::CurrentThread => format!("the runtime could run none of {them} meanwhile"),
        _ => "those queued on this thread could not run meanwhile".to_owned(),
    };
    Some(format!(
        "This check ran inside a tokio runtime ({}) with {alive} {tasks} alive, and blocked \
         its thread while it waited: {effect}, so a thread waiting on one of them could not \
         be released, and is reported too. Await ThreadSnapshot::verify_async instead, or \
         take the thread verdict after `block_on` returns (checker::TestRuntime builds the \
         runtime `#[tokio::test]` would).",
        crate::tasks::flavor_name(handle.runtime_flavor()),
    ))
}

/// A panic hook, shared by the hook set over it and the code that puts it back.
pub(crate) type Hook = Arc<Box<dyn Fn(&PanicHookInfo<'_>) + Send + Sync>>;

/// Whether the calling thread is inside a tokio `LocalSet` or a local runtime, where
/// `spawn_local` works.
///
/// tokio offers no query for this, and `spawn_local` panics outside one: the probe spawns
/// an empty local task and catches that panic. While it runs, a panic hook keeps the
/// probe's panic quiet and hands every other panic to the hook in place before. A build
/// that aborts on panic cannot probe, and answers `false`.
pub(crate) fn inside_local_set() -> bool {
    // Built to abort on panic, the probe would end the process: there is no telling.
    if cfg!(not(panic = "unwind")) {
        return false;
    }
    // One probe at a time in the process: probes that overlapped would each put back the
    // hook they found, and one could restore the plain hook while another still probes,
    // whose panic would then be printed (or reach a hook of the test's own).
    let _one_at_a_time = PROBE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let previous: Hook = Arc::new(panic::take_hook());
    let hook = Arc::clone(&previous);
    // Whether to keep quiet is read from the panicking thread's own flag: should this hook
    // outlive the probe (a hook set over it by another thread is put back after it), it
    // silences nothing more.
    panic::set_hook(Box::new(move |info| {
        if !PROBING.try_with(Cell::get).unwrap_or(false) {
            hook(info);
        }
    }));
    PROBING.set(true);
    let spawned = panic::catch_unwind(|| drop(tokio::task::spawn_local(async {}))).is_ok();
    PROBING.set(false);
    restore_hook(previous);
    spawned
}

/// Held while a thread probes for a `LocalSet` (see [`inside_local_set`]).
static PROBE: std::sync::Mutex<()> = std::sync::Mutex::new(());

thread_local! {
    /// Set while this thread probes for a `LocalSet`: its panic is the probe's answer.
    static PROBING: Cell<bool> = const { Cell::new(false) };
}

/// Puts `previous` back as the panic hook, in place of the one set over it.
pub(crate) fn restore_hook(previous: Hook) {
    // Dropping the hook set over it drops its clone of `previous`; then `previous` goes
    // back as it was, not wrapped (a wrapper per verdict would nest without end).
    drop(panic::take_hook());
    match Arc::try_unwrap(previous) {
        Ok(hook) => panic::set_hook(hook),
        Err(shared) => panic::set_hook(Box::new(move |info| shared(info))),
    }
}
