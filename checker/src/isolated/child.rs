//! The child's side of [`isolated`](super::isolated): the process that runs the test
//! again, alone, and runs each body between its marker lines, so that the parent can relay
//! the body's output and verdict.
//!
//! A panic of the body is printed once, by the parent: here a panic hook keeps it (its
//! place, message and backtrace) instead of printing it, for the body's thread only, and
//! the child writes it between the markers.

use std::cell::RefCell;
use std::panic::{self, AssertUnwindSafe, Location, PanicHookInfo};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;

use super::backtrace::backtrace_here;
use super::marks::{Ending, Mark, marker};
use super::{InBody, Outcome};

thread_local! {
    /// Where a failure of the body is kept, on the body's thread in the child, so that
    /// the parent prints it once.
    static KEPT: RefCell<Option<Kept>> = const { RefCell::new(None) };
}

type Kept = Arc<Mutex<Option<Caught>>>;

/// Keeps a failure that this crate raises itself (with `resume_unwind`, which runs no
/// panic hook), when it happens on a body's thread in the child; `false` elsewhere.
pub(crate) fn keep_failure(at: String, message: String) -> bool {
    KEPT.with_borrow(|kept| match kept {
        Some(slot) => {
            *slot.lock().unwrap_or_else(PoisonError::into_inner) = Some(Caught {
                at,
                message,
                backtrace: None,
            });
            true
        }
        None => false,
    })
}

/// Runs the body between the markers. A body that returns an error prints it and ends
/// with [`Ending::Failed`], without a panic of its own; a body that panics prints its message
/// (and, under `RUST_BACKTRACE`, its backtrace) once, in place of the panic hook's lines:
/// the parent fails the test with them, at the test's line.
pub(super) fn run_marked<O: Outcome>(call: usize, caller: &Location<'_>, body: impl FnOnce() -> O) {
    println!("\n{}", marker(call, &Mark::Begin));
    eprintln!("\n{}", marker(call, &Mark::Begin));
    let capture = PanicCapture::install();
    let outcome = {
        let _in_body = InBody::enter();
        panic::catch_unwind(AssertUnwindSafe(|| body().into_failure()))
    };
    let caught = capture.uninstall();
    let end = match &outcome {
        Ok(Ok(())) => Ending::Ok,
        Ok(Err(failure)) => {
            eprintln!("\n{}\n{failure}", marker(call, &Mark::Failed));
            Ending::Failed
        }
        Err(payload) => {
            let (at, message) = match &caught {
                Some(caught) => (caught.at.clone(), caught.message.clone()),
                // The panic went past the hook above (the body set a hook of its own):
                // the line that called `isolated` is the nearest place known.
                None => (caller.to_string(), payload_text(payload.as_ref())),
            };
            eprintln!("\n{}\n{message}", marker(call, &Mark::PanickedAt(at)));
            if let Some(backtrace) = caught.and_then(|c| c.backtrace) {
                eprintln!("\n{}\n{backtrace}", marker(call, &Mark::Backtrace));
            }
            Ending::Panicked
        }
    };
    let end = Mark::End(end);
    println!("\n{}", marker(call, &end));
    eprintln!("\n{}", marker(call, &end));
    if let Err(payload) = outcome {
        panic::resume_unwind(payload);
    }
}

/// The text of a panic's payload, as the panic hook shows it.
fn payload_text(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "Box<dyn Any>".to_owned()
    }
}

/// What the panic hook would have printed of a panic on the body's thread.
struct Caught {
    at: String,
    message: String,
    backtrace: Option<String>,
}

/// A panic hook, shared by the hook set over it and the code that puts it back.
type Hook = Arc<Box<dyn Fn(&PanicHookInfo<'_>) + Send + Sync>>;

/// A panic hook that keeps the body thread's latest panic instead of printing it, so
/// that the parent prints it once; panics of other threads go to the hook as before.
///
/// It is set in the child process only, around the body, which this process runs alone:
/// the test's own process keeps its hook.
struct PanicCapture {
    previous: Hook,
    caught: Arc<Mutex<Option<Caught>>>,
}

impl PanicCapture {
    fn install() -> Self {
        let previous: Hook = Arc::new(panic::take_hook());
        let caught = Arc::new(Mutex::new(None::<Caught>));
        let hook = Arc::clone(&previous);
        // Whose panic to keep is read from the panicking thread's own `KEPT`, set while a
        // body runs: should this hook outlive the body (a hook set over it by another
        // thread is put back after it), it keeps nothing more and hands every panic on.
        panic::set_hook(Box::new(move |info| {
            let Some(slot) = KEPT.try_with(|kept| kept.borrow().clone()).ok().flatten() else {
                return hook(info);
            };
            let new = Caught {
                at: info
                    .location()
                    .map_or_else(String::new, ToString::to_string),
                message: payload_text(info.payload()),
                backtrace: backtrace_here(),
            };
            let mut slot = slot.lock().unwrap_or_else(PoisonError::into_inner);
            // An earlier panic on this thread was caught by the body itself, or it would
            // not have gone on: show it as the hook would have, without its backtrace.
            if let Some(earlier) = slot.replace(new) {
                let name = thread::current().name().unwrap_or("<unnamed>").to_owned();
                eprintln!(
                    "\nthread '{name}' panicked at {}:\n{}",
                    earlier.at, earlier.message
                );
            }
        }));
        KEPT.set(Some(Arc::clone(&caught)));
        Self { previous, caught }
    }

    /// Puts the previous hook back, and gives the body thread's latest panic.
    fn uninstall(self) -> Option<Caught> {
        KEPT.set(None);
        restore_hook(self.previous);
        self.caught
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
    }
}

/// Puts `previous` back as the panic hook, in place of the one set over it.
fn restore_hook(previous: Hook) {
    // Dropping the hook set over it drops its clone of `previous`; then `previous` goes
    // back as it was, not wrapped (a wrapper per body would nest without end).
    drop(panic::take_hook());
    match Arc::try_unwrap(previous) {
        Ok(hook) => panic::set_hook(hook),
        Err(shared) => panic::set_hook(Box::new(move |info| shared(info))),
    }
}
