//! Where a verdict is taken, when that changes how to read it: on a test thread that
//! may share its process with other tests, or on a thread a tokio runtime runs its tasks
//! on. Each is read from what the process says of itself (the thread's name, the test
//! harness's arguments, tokio's handle), never by trying something and catching its
//! failure: a verdict changes nothing in the process.

use std::env;
use std::thread;

/// Notes for a failed thread verdict taken here and now, on the calling thread.
pub(crate) fn thread_verdict_notes() -> Vec<String> {
    let notes = shared_with_other_tests().into_iter();
    #[cfg(feature = "tokio")]
    let notes = notes.chain(blocked_a_runtime());
    notes.collect()
}

/// Notes for a failed thread verdict awaited here ([`verify_async`]), which waits without
/// holding its thread: where it is taken matters, how long it waits does not.
///
/// [`verify_async`]: crate::ThreadSnapshot::verify_async
pub(crate) fn async_thread_verdict_notes() -> Vec<String> {
    shared_with_other_tests().into_iter().collect()
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
#[cfg(feature = "tokio")]
fn blocked_a_runtime() -> Option<String> {
    use tokio::runtime::{Handle, RuntimeFlavor};

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
