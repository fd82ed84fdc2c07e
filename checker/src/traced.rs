//! Where a leaked task waits: tasks spawned through [`traced`] keep the stack of their
//! latest wait, so that a task report can name the `.await` each leaked task is stopped at.
//!
//! How the wait is found is in [`crate::spy_waker`]: a future that cannot finish keeps a
//! clone of its task's waker, and the clone is made on a stack that runs through the
//! `.await`. Here is the rest: a registry of the traced futures alive now, in the order
//! they were made (so that a snapshot can tell later ones from earlier ones), and the
//! reading of a recorded stack into the frames of the caller's own code.

use std::collections::BTreeMap;
use std::future::Future;
use std::panic::Location;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::task::{Context, Poll};

use std::ffi::c_void;
use std::sync::atomic::AtomicU32;
use tokio::runtime::{self, Handle};

use crate::{source, spy_waker};

/// Numbers traced futures in the order they are made; a snapshot keeps the next number.
static NEXT: AtomicU64 = AtomicU64::new(0);

/// The traced futures alive now, by number.
static REGISTRY: Mutex<BTreeMap<u64, Arc<Slot>>> = Mutex::new(BTreeMap::new());

/// Wraps a task's future so that a task report can say where the task waits.
///
/// Spawn through it: `tokio::spawn(checker::traced(async move { ... }))`. When a
/// [`TaskSnapshot`](crate::TaskSnapshot) verdict finds leaked tasks, each traced one born
/// after the snapshot is named by where it was spawned (this call's location) and where
/// it waits: the file, line and function of the `.await` it is stopped at, in your code.
/// Untraced tasks are still counted; the report says it cannot tell where they wait.
///
/// A traced future is a task to the verdict from the moment `traced` is called inside a
/// runtime until it is dropped, and it is known by identity: a verdict sees it alive even
/// where tokio's count does not (tasks on a `LocalSet`, or a leak hidden by another task
/// ending). So spawn it where you make it.
///
/// The wait is read from the stack at the moment the task registers to be woken, so the
/// line is exact in builds with debug info (the `dev` and `test` profiles); a build
/// without it says so. It costs a walk of the stack (its return addresses only) each time
/// the task starts waiting; a task that wakes often (a ticker) is walked on its first
/// waits and then one wait in 64, so that a long-lived loop costs little and still names
/// one of its own waits. The addresses take a few hundred bytes per task: counted in any
/// memory figure of a traced task. Fine for tests and demos; not meant for a hot path in
/// production.
///
/// # Examples
///
/// ```
/// # #[tokio::main(flavor = "current_thread", start_paused = true)]
/// # async fn main() {
/// use checker::{Options, TaskSnapshot, traced};
///
/// let before = TaskSnapshot::take(&tokio::runtime::Handle::current());
/// let (tx, rx) = tokio::sync::oneshot::channel::<()>();
/// tokio::spawn(traced(async move {
///     let _ = rx.await; // never answered while `tx` lives
/// }));
/// let report = before.verify(&Options::default()).await.unwrap_err();
/// let task = &report.traced_tasks()[0];
/// assert!(task.spawned_at().contains(".rs:"));
/// // With debug info, `waits_at` names the `rx.await` line; without, `why_no_wait` says so.
/// assert!(task.waits_at().is_some() || task.why_no_wait().is_some());
/// println!("{report}");
/// # drop(tx);
/// # }
/// ```
#[track_caller]
pub fn traced<F: Future>(future: F) -> Traced<F> {
    let slot = Arc::new(Slot {
        number: NEXT.fetch_add(1, Ordering::Relaxed),
        spawned_at: Location::caller(),
        runtime: OnceLock::new(),
        task: OnceLock::new(),
        polled: OnceLock::new(),
        waits_seen: AtomicU32::new(0),
        wait: Mutex::new(None),
    });
    if let Ok(handle) = Handle::try_current() {
        let _ = slot.runtime.set(handle.id());
    }
    registry().insert(slot.number, Arc::clone(&slot));
    Traced {
        inner: Box::pin(future),
        slot,
    }
}

/// A future wrapped by [`traced`]: it runs the future as it is, and keeps the stack of
/// its latest wait for a task report.
#[must_use = "futures do nothing unless polled: spawn it"]
pub struct Traced<F> {
    inner: Pin<Box<F>>,
    slot: Arc<Slot>,
}

impl<F: Future> Future for Traced<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let this = &mut *self;
        if this.slot.polled.set(()).is_ok() {
            if let Some(id) = tokio::task::try_id() {
                let _ = this.slot.task.set(id);
            }
            if let Ok(handle) = Handle::try_current() {
                let _ = this.slot.runtime.set(handle.id());
            }
        }
        let waker = spy_waker::waker(cx.waker(), &this.slot);
        let _polling = spy_waker::Polling::enter(&this.slot);
        this.inner.as_mut().poll(&mut Context::from_waker(&waker))
    }
}

impl<F> Drop for Traced<F> {
    fn drop(&mut self) {
        registry().remove(&self.slot.number);
    }
}

/// Return addresses, innermost first.
type Stack = Arc<[usize]>;

/// A task's first waits are all recorded...
const EVERY_WAIT_UP_TO: u32 = 8;
/// ...and after those, one in this many: enough to name a long-lived loop's waits.
const ONE_WAIT_IN: u32 = 64;
/// The deepest stack kept: a task's own frames are at its top, far above this depth
/// only in deeply nested code.
const MAX_FRAMES: usize = 64;

/// What is known of one traced future.
pub(crate) struct Slot {
    number: u64,
    spawned_at: &'static Location<'static>,
    runtime: OnceLock<runtime::Id>,
    task: OnceLock<tokio::task::Id>,
    /// Set at the first poll: from then on the future is a running task (or part of one).
    polled: OnceLock<()>,
    /// How many waits the task has started: past the first few, only some are recorded.
    waits_seen: AtomicU32,
    /// The return addresses of the stack at the latest recorded wait, innermost first:
    /// resolving them to names and lines is slow, and waits for a report.
    wait: Mutex<Option<Stack>>,
}

impl Slot {
    pub(crate) fn record_wait(&self) {
        let seen = self.waits_seen.fetch_add(1, Ordering::Relaxed);
        if seen >= EVERY_WAIT_UP_TO && !seen.is_multiple_of(ONE_WAIT_IN) {
            return;
        }
        let mut stack = Vec::with_capacity(MAX_FRAMES);
        backtrace::trace(|frame| {
            stack.push(frame.ip() as usize);
            stack.len() < MAX_FRAMES
        });
        *self.wait.lock().unwrap_or_else(PoisonError::into_inner) = Some(stack.into());
    }
}

fn registry() -> std::sync::MutexGuard<'static, BTreeMap<u64, Arc<Slot>>> {
    REGISTRY.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Every traced future made from now on gets a number at least this.
pub(crate) fn watermark() -> u64 {
    NEXT.load(Ordering::Relaxed)
}

/// A leaked task that was spawned through [`traced`]: where it was spawned and where it
/// waits.
///
/// The wait is read from the stack the first time it is asked for: reading debug info
/// takes a while (up to a second, once per process), and a report nobody reads need not
/// pay it.
#[derive(Debug, Clone)]
pub struct TracedTask {
    id: Option<tokio::task::Id>,
    spawned_at: String,
    /// The stack at the latest recorded wait; `None` if the task has not waited yet.
    stack: Option<Stack>,
    waits: OnceLock<Result<Vec<Frame>, &'static str>>,
}

/// One frame of a task's wait in the caller's own code.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Frame {
    at: String,
    function: String,
}

impl TracedTask {
    /// tokio's ID of the task, once it has run.
    pub fn id(&self) -> Option<tokio::task::Id> {
        self.id
    }

    /// Where [`traced`] was called: `file:line:column`.
    pub fn spawned_at(&self) -> &str {
        &self.spawned_at
    }

    /// The `.await` the task is stopped at, in the caller's own code: `file:line:column`.
    /// `None` when it cannot be told; [`why_no_wait`](Self::why_no_wait) says why.
    pub fn waits_at(&self) -> Option<&str> {
        self.waits()
            .as_ref()
            .ok()?
            .first()
            .map(|frame| frame.at.as_str())
    }

    /// The frames of the wait in the caller's own code, innermost first: `(file:line,
    /// function)`. Empty when the wait cannot be told.
    pub fn wait_frames(&self) -> impl Iterator<Item = (&str, &str)> {
        self.waits()
            .iter()
            .flatten()
            .map(|frame| (frame.at.as_str(), frame.function.as_str()))
    }

    /// Why the wait cannot be told, when it cannot.
    pub fn why_no_wait(&self) -> Option<&'static str> {
        self.waits().as_ref().err().copied()
    }

    /// Whether `options` excuse this task by the stack of its latest wait.
    pub(crate) fn excused_by(&self, options: &crate::Options) -> bool {
        options.has_stack_rules()
            && self
                .stack
                .as_ref()
                .is_some_and(|stack| options.excuses_stack(&crate::stacks::recorded(stack)))
    }

    /// Whether two tasks read the same in a report: spawned and waiting at the same lines.
    pub(crate) fn reads_like(&self, other: &Self) -> bool {
        self.spawned_at == other.spawned_at && self.waits() == other.waits()
    }

    fn waits(&self) -> &Result<Vec<Frame>, &'static str> {
        self.waits.get_or_init(|| match &self.stack {
            None => Err("it has not waited yet: spawned, and not yet run to its first wait"),
            Some(stack) => {
                let frames = own_frames(stack);
                if frames.is_empty() {
                    Err(
                        "its stack names no file of yours: this build has no debug info (the \
                         release profile has none unless `debug = true`)",
                    )
                } else {
                    Ok(frames)
                }
            }
        })
    }
}

/// The traced futures made at or after `since` on the runtime `runtime` that are alive
/// now, oldest first, with their waits read.
pub(crate) fn alive_since(since: u64, runtime: runtime::Id) -> Vec<TracedTask> {
    let slots: Vec<Arc<Slot>> = registry()
        .range(since..)
        .map(|(_, slot)| slot)
        .filter(|slot| slot.runtime.get().is_none_or(|id| *id == runtime))
        .cloned()
        .collect();
    slots.iter().map(|slot| describe(slot)).collect()
}

/// How many traced futures made at or after `since` on `runtime` are alive now: each is a
/// task born after the snapshot, whatever tokio's count says.
pub(crate) fn alive_count_since(since: u64, runtime: runtime::Id) -> usize {
    registry()
        .range(since..)
        .filter(|(_, slot)| slot.runtime.get() == Some(&runtime))
        .count()
}

/// How many traced futures made at or after `since` on `runtime` and alive now `options`
/// excuses by the stack of their latest wait.
pub(crate) fn excused_count_since(
    since: u64,
    runtime: runtime::Id,
    options: &crate::Options,
) -> usize {
    if !options.has_stack_rules() {
        return 0;
    }
    let stacks: Vec<Stack> = registry()
        .range(since..)
        .filter(|(_, slot)| slot.runtime.get() == Some(&runtime))
        .filter_map(|(_, slot)| {
            slot.wait
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .clone()
        })
        .collect();
    stacks
        .iter()
        .filter(|stack| options.excuses_stack(&crate::stacks::recorded(stack)))
        .count()
}

fn describe(slot: &Slot) -> TracedTask {
    let stack = slot
        .wait
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone();
    let at = slot.spawned_at;
    TracedTask {
        id: slot.task.get().copied(),
        // cargo gives the path of a file under the workspace's root relative to it, and
        // any other whole: shown from the root either way.
        spawned_at: format!(
            "{}:{}:{}",
            source::shown(Path::new(at.file())),
            at.line(),
            at.column()
        ),
        stack,
        waits: OnceLock::new(),
    }
}

/// Where a symbol's code is: file, line, column.
type Place = (PathBuf, u32, Option<u32>);

/// The frames of `stack` in the caller's own code, innermost first, one per function, up
/// to the task's own [`Traced::poll`]: what lies beyond it is whatever polls the task.
fn own_frames(stack: &[usize]) -> Vec<Frame> {
    let mut frames: Vec<Frame> = Vec::new();
    for &ip in stack {
        // A return address points after its call: one byte back is inside it.
        let inside = ip.saturating_sub(1) as *mut c_void;
        // This frame's symbols, innermost first (a frame with inlined calls has several).
        let mut symbols: Vec<(String, Option<Place>)> = Vec::new();
        backtrace::resolve(inside, |symbol| {
            let function = symbol
                .name()
                .map(|name| format!("{name:#}"))
                .unwrap_or_default();
            let place = match (symbol.filename(), symbol.lineno()) {
                (Some(file), Some(line)) => Some((file.to_owned(), line, symbol.colno())),
                _ => None,
            };
            symbols.push((function, place));
        });
        for (function, place) in symbols {
            // Resolving stops here: the frames beyond (the runtime, the thread's start in
            // libc) would only cost the time to read their debug info, which for a system
            // library may be a compressed file of its own.
            if function.contains("checker::traced::Traced<") && function.ends_with("::poll") {
                return frames;
            }
            let Some((file, line, column)) = place else {
                continue;
            };
            // A build with line tables only (the release profile's) names functions
            // without their paths; there the task's own `Traced::poll` is the first frame
            // of this crate's source met after the task's own frames.
            if !frames.is_empty() && source::is_this_crate(&file) {
                return frames;
            }
            if !source::is_own(&file) || frames.last().is_some_and(|last| last.function == function)
            {
                continue;
            }
            let column = column.map(|c| format!(":{c}")).unwrap_or_default();
            frames.push(Frame {
                at: format!("{}:{line}{column}", source::shown(&file)),
                function,
            });
        }
    }
    frames
}
