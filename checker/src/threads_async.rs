//! A thread verdict that waits without holding its thread: for a check awaited inside an
//! async runtime, whose tasks must go on running while it waits.
//!
//! Its first look is the quick clean verdict, on the caller's thread: a clean process
//! gets its answer at once, as from the blocking verdict. Past it, the looks, the waits
//! between them and the report are made on a thread the verdict starts for itself (and
//! leaves out of its own verdict); the future is woken when that thread has its answer, and
//! the caller's thread runs its runtime's tasks meanwhile. The thread is joined before the
//! verdict returns; a verdict dropped before its answer wakes it, and it ends at once.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::task::{Context, Poll, Waker};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use crate::report::LeakReport;
use crate::threads::Pause;
use crate::{Options, ThreadSnapshot};

impl ThreadSnapshot {
    /// [`verify`](Self::verify), for a check awaited inside an async runtime: it waits
    /// without holding the thread it is awaited on, so that the runtime's tasks go on
    /// running and may release the threads they hold.
    ///
    /// The blocking `verify` keeps the thread it is called on: inside `block_on` (a
    /// `#[tokio::test]` body) or a task, the runtime cannot run its tasks on that thread
    /// while the verdict waits. This one takes one quick look on that thread (the clean
    /// verdict's, a few microseconds) and makes the rest of its looks, and the report, on
    /// a thread of its own, which it leaves out of the verdict and joins before it
    /// returns. Its deadline is measured in real time and it needs no timer or runtime of
    /// any kind, so under paused time it neither waits for the clock nor moves it.
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
    /// # #[cfg(any(target_os = "linux", target_os = "macos", windows))]
    /// before.verify_async(&checker::Options::default()).await.unwrap();
    /// worker.join().unwrap();
    /// # }
    /// ```
    pub async fn verify_async(&self, options: &Options) -> Result<(), LeakReport> {
        if self.clean_at_once() {
            return Ok(());
        }
        if !self.is_supported() {
            return self.verify(options);
        }
        // Where the verdict is awaited (a test's thread) is read here, on that thread.
        let notes = crate::context::async_thread_verdict_notes();
        match Aside::start(self.clone(), options.clone(), notes) {
            Ok(aside) => aside.await,
            // No thread could be started (the process is at its limit): the blocking
            // verdict, on this thread, is the one left.
            Err(_) => self.verify(options),
        }
    }
}

/// The verdict made on a thread of its own, as a future that is ready when it is.
struct Aside {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

/// What the verdict's thread and its future share.
struct Shared {
    state: Mutex<State>,
    /// Wakes the verdict's thread from a wait between looks when the future is dropped.
    given_up: Condvar,
}

#[derive(Default)]
struct State {
    verdict: Option<Result<(), LeakReport>>,
    waker: Option<Waker>,
    given_up: bool,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The verdict's thread waits between its looks here, and stops waiting, and looking,
/// when the future is dropped.
impl Pause for Shared {
    fn pause(&self, d: Duration) -> bool {
        let state = self.lock();
        let (state, _) = self
            .given_up
            .wait_timeout_while(state, d, |state| !state.given_up)
            .unwrap_or_else(PoisonError::into_inner);
        !state.given_up
    }
}

impl Aside {
    fn start(
        snapshot: ThreadSnapshot,
        options: Options,
        notes: Vec<String>,
    ) -> std::io::Result<Self> {
        let shared = Arc::new(Shared {
            state: Mutex::new(State::default()),
            given_up: Condvar::new(),
        });
        let on_thread = Arc::clone(&shared);
        let thread = thread::Builder::new()
            .name("checker-verdict".to_owned())
            .spawn(move || {
                let me = crate::current_tid();
                let verdict = snapshot.verdict(&options, me, &|| notes.clone(), &*on_thread);
                let waker = {
                    let mut state = on_thread.lock();
                    state.verdict = Some(verdict);
                    state.waker.take()
                };
                if let Some(waker) = waker {
                    waker.wake();
                }
            })?;
        Ok(Self {
            shared,
            thread: Some(thread),
        })
    }
}

impl Future for Aside {
    type Output = Result<(), LeakReport>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let verdict = {
            let mut state = self.shared.lock();
            match state.verdict.take() {
                Some(verdict) => verdict,
                None => {
                    if !state
                        .waker
                        .as_ref()
                        .is_some_and(|w| w.will_wake(cx.waker()))
                    {
                        state.waker = Some(cx.waker().clone());
                    }
                    return Poll::Pending;
                }
            }
        };
        // The thread has given its verdict, and has only to end.
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        Poll::Ready(verdict)
    }
}

impl Drop for Aside {
    fn drop(&mut self) {
        let Some(thread) = self.thread.take() else {
            return;
        };
        let answered = {
            let mut state = self.shared.lock();
            state.given_up = true;
            state.verdict.is_some()
        };
        self.shared.given_up.notify_all();
        // A thread that has answered only has to end; one still at work stops at its next
        // look, and is left to end by itself rather than hold the dropping thread.
        if answered {
            let _ = thread.join();
        }
    }
}
