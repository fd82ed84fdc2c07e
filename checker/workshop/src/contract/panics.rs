//! Panics in what a call started: libtest captures a thread's panic, and tokio turns a
//! task's into an error nobody may read, so a worker that dies by `unwrap` would pass
//! unseen. The contract's checks install a panic hook of their own, in their own test
//! process, which notes every panic and then prints it as before.
//!
//! A clause that fails hands its payload on with `resume_unwind`, which runs no hook: only
//! real panics are noted. Clauses that run side by side in one process all see a panic;
//! each clause of an exercise's check runs in a process of its own, so there it is exact.

use std::panic::PanicHookInfo;
use std::sync::{Mutex, Once, PoisonError};

/// A panic noted by the hook.
#[derive(Debug, Clone)]
pub(crate) struct Panicked {
    /// The panicking thread's name: a worker's, a caller's, or the runtime's (a task's).
    pub(crate) thread: String,
    /// Where: `file:line:column`, from the workspace's root.
    pub(crate) at: String,
    pub(crate) message: String,
}

impl std::fmt::Display for Panicked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "thread '{}' panicked at {}: {}",
            self.thread, self.at, self.message
        )
    }
}

static NOTED: Mutex<Vec<Panicked>> = Mutex::new(Vec::new());
static INSTALL: Once = Once::new();

/// Watches for panics from now on.
pub(crate) struct Watch {
    from: usize,
}

impl Watch {
    /// Installs the hook (once per process) and starts watching.
    pub(crate) fn start() -> Self {
        INSTALL.call_once(|| {
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                note(info);
                previous(info);
            }));
        });
        Self {
            from: noted().len(),
        }
    }

    /// The panics noted since the watch started.
    pub(crate) fn seen(&self) -> Vec<Panicked> {
        noted().get(self.from..).unwrap_or_default().to_vec()
    }
}

fn noted() -> std::sync::MutexGuard<'static, Vec<Panicked>> {
    NOTED.lock().unwrap_or_else(PoisonError::into_inner)
}

fn note(info: &PanicHookInfo<'_>) {
    let payload = info.payload();
    let message = payload
        .downcast_ref::<&str>()
        .map(|text| (*text).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(a payload that is not text)".to_owned());
    let at = info.location().map_or_else(
        || "an unknown place".to_owned(),
        |location| {
            format!(
                "{}:{}:{}",
                location.file(),
                location.line(),
                location.column()
            )
        },
    );
    let thread = std::thread::current()
        .name()
        .unwrap_or("an unnamed thread")
        .to_owned();
    noted().push(Panicked {
        thread,
        at,
        message,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_on_another_thread_is_seen_and_a_resumed_payload_is_not() {
        let watch = Watch::start();
        let _ = std::thread::Builder::new()
            .name("panicky-worker".to_owned())
            .spawn(|| panic!("the receiver is gone"))
            .unwrap()
            .join();
        let _ = std::panic::catch_unwind(|| std::panic::resume_unwind(Box::new(1_u8)));
        let seen = watch.seen();
        let ours: Vec<&Panicked> = seen
            .iter()
            .filter(|panicked| panicked.thread == "panicky-worker")
            .collect();
        assert_eq!(ours.len(), 1, "{seen:?}");
        assert_eq!(ours[0].message, "the receiver is gone");
        assert!(
            ours[0]
                .at
                .starts_with("checker/workshop/src/contract/panics.rs:")
        );
        assert!(
            ours[0]
                .to_string()
                .starts_with("thread 'panicky-worker' panicked at ")
        );
    }
}
