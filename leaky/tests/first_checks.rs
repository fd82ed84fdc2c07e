//! The two checks the book's checker chapter opens with: a thread check and a task check
//! around three calls of the blocked send, each written as a test of your own would be. They
//! fail, by design, with the checker's report: `cargo test` leaves them out, and
//!
//!     cargo test -p leaky --test first_checks -- --ignored
//!
//! runs them (`bash docs/generate` does, under `RUST_BACKTRACE=1`, for the chapter's
//! output). A verdict returned, not unwrapped, fails the test with the report alone: no
//! panic, so no backtrace, whatever `RUST_BACKTRACE` says.

use std::time::Duration;

use leaky::blocked_send::{tasks, threads};
use workshop::Probe;

/// The story's numbers, at a third of the demo's check: a call gives up after 100 ms,
/// while the check it started takes 300 ms, on a 50 ms tick. Three calls, as in the
/// demo: the task flavour's first late answer fits in its channel's one slot.
const DEADLINE: Duration = Duration::from_millis(100);
const CHECK: Duration = Duration::from_millis(300);
const TICK: Duration = Duration::from_millis(50);

// ANCHOR: threads
#[test]
#[ignore = "leaks by design: the checker chapter shows its report"]
fn a_call_leaves_no_thread_behind() {
    // In a process of its own: other tests' threads are not counted as this one's.
    checker::isolated(|| {
        let before = checker::ThreadSnapshot::take();
        let watcher = threads::Watcher::new(Probe::ready_after(CHECK), TICK);
        for _ in 0..3 {
            let _ = watcher.wait_ready(DEADLINE);
        }
        before.verify(&checker::Options::default())
    });
}
// ANCHOR_END: threads

// ANCHOR: tasks
#[tokio::test(start_paused = true)]
#[ignore = "leaks by design: the checker chapter shows its report"]
async fn a_call_leaves_no_task_behind() -> Result<(), checker::LeakReport> {
    // Paused time: the check and the verdict's deadline pass on tokio's clock alone.
    let before = checker::TaskSnapshot::take(&tokio::runtime::Handle::current());
    let watcher = tasks::Watcher::new(Probe::ready_after(CHECK), TICK);
    for _ in 0..3 {
        let _ = watcher.wait_ready(DEADLINE).await;
    }
    before.verify(&checker::Options::default()).await
}
// ANCHOR_END: tasks
