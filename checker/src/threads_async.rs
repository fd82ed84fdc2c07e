//! A thread verdict that waits without holding its thread: for a check made inside a
//! tokio runtime, whose tasks must go on running while it waits.

use std::cell::Cell;
use std::time::{Duration, Instant};

use crate::report::LeakReport;
use crate::{Options, ThreadSnapshot};

/// The longest the async verdict blocks its thread between two looks: the runtime runs
/// its tasks in between, and a straggler still gets looked at often.
const MAX_BLOCK: Duration = Duration::from_millis(1);

thread_local! {
    /// Set while the async verdict looks: its thread is not held, so a report needs no
    /// note on a runtime kept from its tasks.
    static LOOKING_ASYNC: Cell<bool> = const { Cell::new(false) };
}

/// Whether the async verdict is looking on this thread.
pub(crate) fn looking_async() -> bool {
    LOOKING_ASYNC.get()
}

impl ThreadSnapshot {
    /// [`verify`](Self::verify), for a check made inside a tokio runtime: between its looks
    /// it yields to the runtime, so that the runtime's tasks go on running and may release
    /// the threads they hold.
    ///
    /// The blocking `verify` keeps the thread it is called on: inside `block_on` (a
    /// `#[tokio::test]` body) or a task, the runtime cannot run its tasks on that thread
    /// while the verdict waits. This one blocks for at most a millisecond at a time. Its
    /// deadline is measured in real time, and it uses no timer, so it works on a runtime
    /// without time, and under paused time it neither waits for the clock nor moves it.
    ///
    /// # Examples
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread", start_paused = true)]
    /// # async fn main() {
    /// let before = checker::ThreadSnapshot::take();
    /// let (release, wait) = std::sync::mpsc::channel::<()>();
    /// let worker = std::thread::spawn(move || {
    ///     let _ = wait.recv();
    /// });
    /// // A task releases the thread, once the runtime gets to run it.
    /// tokio::spawn(async move { drop(release) });
    /// # #[cfg(target_os = "linux")]
    /// before.verify_async(&checker::Options::default()).await.unwrap();
    /// worker.join().unwrap();
    /// # }
    /// ```
    pub async fn verify_async(&self, options: &Options) -> Result<(), LeakReport> {
        let started = Instant::now();
        let once = options.clone().deadline(Duration::ZERO);
        let mut pause = Duration::from_micros(50);
        loop {
            tokio::task::yield_now().await;
            LOOKING_ASYNC.set(true);
            let verdict = self.verify(&once);
            LOOKING_ASYNC.set(false);
            let report = match verdict {
                Ok(()) => return Ok(()),
                Err(report) if report.unsupported().is_some() => return Err(report),
                Err(report) => report,
            };
            let waited = started.elapsed();
            if waited >= options.deadline_value() {
                return Err(report.waited_for(waited));
            }
            std::thread::sleep(pause.min(options.deadline_value() - waited));
            pause = (pause * 2).min(MAX_BLOCK);
        }
    }
}
