//! Where a leaked thread waits: its stack, read once the verdict has failed, for the
//! threads it reports.
//!
//! How the stack is read is in [`unwind`] (x86-64 Linux): from the kernel's note of where
//! the blocked thread entered it, and its stack memory, through `/proc`. No thread is
//! stopped, signalled or traced, and no process is started: a report cannot change what
//! the code under test does. The stack is copied at the verdict, and unwound and named
//! only when the report is read. How a frame is named is in [`frames`] (and, for the
//! system's C libraries, in `system`), and how a stack reads in a report in [`render`]. Here is the rest: the stacks of a report share one
//! walker and one table of names, so that each address is named once (reading debug
//! info is the slow part), and the options that excuse by stack ask it questions.
//!
//! Why not the other ways. A helper process that attaches with `ptrace` (as `rstack-self`
//! does) stops each thread, needs the kernel's permission (Yama, containers without
//! `CAP_SYS_PTRACE`), and a helper that dies at the wrong moment leaves threads stopped. A
//! signal sent to each thread runs a handler inside it, in the middle of whatever it is
//! doing, and interrupts its system call. Reading `/proc` needs neither: the kernel lets a
//! process read its own threads' registers and memory, and a read that fails fails as an
//! error. What it cannot see is a thread that is running: its stack changes while read,
//! and the report says so instead of guessing.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::{Duration, Instant};

use crate::LeakedThread;

mod frames;
mod render;
#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
mod system;
#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
mod unwind;

use frames::{Frame, name, names_function};
pub(crate) use render::write;
use render::{IDLE_POOLS, IdlePool};

/// All the stacks of one report are copied within this time; threads left then get a
/// line that says so. A copy takes tens of microseconds.
const TIME_LIMIT: Duration = Duration::from_secs(2);

/// A leaked thread's stack, as a report shows it: where in the user's code the thread
/// waits and the calls that led there, up to the closure the thread was started with.
///
/// Copied after the deadline, for the threads of a failed verdict only: a clean verdict
/// never pays for it. The copy is unwound and its functions named the first time they
/// are asked for (a report's text asks), so a verdict that is only counted pays for the
/// copy alone.
///
/// It is read on x86-64 Linux, for a thread blocked in the kernel (on a lock, a channel,
/// a condvar, a sleep, I/O): a thread that is running has no stack to read, and
/// [`why_missing`](Self::why_missing) says so, as it says why on other platforms. Files
/// and lines need line tables (any debug build); without them the functions are still
/// named, but code inlined into a library function, as a small thread closure is in an
/// optimized build, leaves no frame of its own.
#[derive(Clone)]
pub struct ThreadStack(Arc<Inner>);

struct Inner {
    /// The stack as copied at the verdict, until it is unwound.
    copy: Mutex<Option<Result<Copy, String>>>,
    /// Return addresses, innermost first (the first is the PC), or why there are none:
    /// unwound from the copy the first time they are asked for. Unwinding reads the
    /// program's unwind tables, and a verdict that is only counted need not pay it.
    addresses: OnceLock<Result<Vec<u64>, String>>,
    /// The addresses named, the first time they are asked for: naming loads the debug
    /// info, which takes a while and memory, and a report nobody reads need not pay it
    /// (nor count it in the memory of the process under test).
    frames: OnceLock<Vec<Frame>>,
    /// The names found so far for the stacks of one report: most of their frames are
    /// the same, and each address is named once.
    names: Arc<Names>,
}

/// Two stacks are the same when their return addresses are.
impl PartialEq for ThreadStack {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.addresses() == other.addresses()
    }
}

impl Eq for ThreadStack {}

impl fmt::Debug for ThreadStack {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.why_missing() {
            None => f.debug_list().entries(self.frames()).finish(),
            Some(why) => write!(f, "no stack: {why}"),
        }
    }
}

impl ThreadStack {
    fn copied(copy: Result<Copy, String>, names: &Arc<Names>) -> Self {
        Self(Arc::new(Inner {
            copy: Mutex::new(Some(copy)),
            addresses: OnceLock::new(),
            frames: OnceLock::new(),
            names: Arc::clone(names),
        }))
    }

    fn of_addresses(addresses: Result<Vec<u64>, String>) -> Self {
        Self(Arc::new(Inner {
            copy: Mutex::new(None),
            addresses: OnceLock::from(addresses),
            frames: OnceLock::new(),
            names: Arc::default(),
        }))
    }

    fn missing(why: impl Into<String>) -> Self {
        Self::of_addresses(Err(why.into()))
    }

    fn addresses(&self) -> &Result<Vec<u64>, String> {
        self.0.addresses.get_or_init(|| {
            let copy = self
                .0
                .copy
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .take();
            match copy {
                Some(Ok(copy)) => {
                    let walker = self.0.names.walker.get_or_init(walker);
                    walker
                        .as_ref()
                        .map_err(Clone::clone)
                        .and_then(|w| unwind(&copy, w))
                }
                Some(Err(why)) => Err(why),
                None => Err("its stack was not copied".to_owned()),
            }
        })
    }

    /// The `file:line` in the user's own code where the thread waits: the innermost
    /// frame of code outside the standard library and registry crates. `None` without
    /// line tables (a release build), or when no frame is the user's.
    pub fn waits_at(&self) -> Option<&str> {
        self.own_frames().next()?.place.as_deref()
    }

    /// The names of the stack's functions, innermost first, up to the closure the thread
    /// was started with; without hashes and generic arguments
    /// (`std::sync::mpsc::Receiver::recv`). Empty when the stack could not be read.
    pub fn functions(&self) -> impl Iterator<Item = &str> {
        self.frames().iter().map(|frame| frame.function.as_str())
    }

    /// Why the stack could not be read, when it could not: the thread was running, the
    /// platform is not supported, and so on.
    pub fn why_missing(&self) -> Option<&str> {
        self.addresses().as_ref().err().map(String::as_str)
    }

    fn frames(&self) -> &[Frame] {
        self.0.frames.get_or_init(|| match self.addresses() {
            Ok(addresses) => self.0.names.frames(addresses),
            Err(_) => Vec::new(),
        })
    }

    fn own_frames(&self) -> impl Iterator<Item = &Frame> {
        self.frames().iter().filter(|frame| frame.own)
    }

    /// Whether the stack waits in `function` (goleak's `IgnoreTopFunction`): it is on the
    /// stack, and only library frames (std, libc, the channel, lock and runtime crates)
    /// lie inside it, so that it is what called the wait.
    pub(crate) fn waits_in(&self, function: &str) -> bool {
        self.frames()
            .iter()
            .take_while(|frame| !frame.own || names_function(&frame.function, function))
            .any(|frame| names_function(&frame.function, function))
    }

    /// Whether `function` is anywhere on the stack (goleak's `IgnoreAnyFunction`).
    pub(crate) fn passes_through(&self, function: &str) -> bool {
        self.functions().any(|name| names_function(name, function))
    }

    /// The well-known idle pool thread this stack is, if it is one.
    fn idle_pool(&self) -> Option<&'static IdlePool> {
        IDLE_POOLS.iter().find(|pool| self.waits_in(pool.waits_in))
    }
}

/// The threads with their stacks read: identical stacks are resolved once, and shared.
pub(crate) fn attach(mut threads: Vec<LeakedThread>) -> Vec<LeakedThread> {
    let tids: Vec<u64> = threads.iter().map(LeakedThread::tid).collect();
    for (thread, stack) in threads.iter_mut().zip(stacks_of(&tids)) {
        thread.set_stack(stack);
    }
    threads
}

/// A stack recorded some other way (a traced task's, by `backtrace`): return addresses,
/// innermost first.
#[cfg(feature = "tokio")]
pub(crate) fn recorded(addresses: &[usize]) -> ThreadStack {
    ThreadStack::of_addresses(Ok(addresses.iter().map(|&a| a as u64).collect()))
}

/// The stack of one thread, read now (for the options that excuse by stack).
pub(crate) fn stack_of(tid: u64) -> ThreadStack {
    stacks_of(&[tid])
        .pop()
        .unwrap_or_else(|| ThreadStack::missing("not read"))
}

/// The stacks of these threads, copied now, in the same order.
fn stacks_of(tids: &[u64]) -> Vec<ThreadStack> {
    let started = Instant::now();
    let names = Arc::default();
    // The copies, and the mappings they are found with.
    let needed = tids
        .len()
        .saturating_mul(64 << 10)
        .saturating_add(UNWIND_ROOM);
    let ready = if room(needed) {
        copier()
    } else {
        Err(SHORT_OF_MEMORY.to_owned())
    };
    let copies: Vec<Result<Copy, String>> = match ready {
        Err(why) => tids.iter().map(|_| Err(why.clone())).collect(),
        Ok(copier) => tids
            .iter()
            .map(|&tid| {
                if started.elapsed() > TIME_LIMIT {
                    return Err(format!(
                        "not read: a report copies stacks for {}s, and that time ran out",
                        TIME_LIMIT.as_secs()
                    ));
                }
                copy(&copier, tid)
            })
            .collect(),
    };
    copies
        .into_iter()
        .map(|copy| ThreadStack::copied(copy, &names))
        .collect()
}

#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
use unwind::Copy;

/// What a stack is copied with: the mappings now, and this process's memory.
#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
type Copier = (unwind::Maps, std::fs::File);

#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
fn copier() -> Result<Copier, String> {
    let mem = std::fs::File::open("/proc/self/mem")
        .map_err(|e| format!("/proc/self/mem cannot be opened ({e})"))?;
    Ok((unwind::Maps::now()?, mem))
}

#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
fn copy((maps, mem): &Copier, tid: u64) -> Result<Copy, String> {
    unwind::copy_of(tid, maps, mem)
}

/// What a report's stacks are unwound with, found once for them all.
#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
type Walker = Arc<unwind::Walker>;

#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
fn walker() -> Result<Walker, String> {
    // Unwinding reads the unwind tables: a few MiB at most.
    if !room(UNWIND_ROOM) {
        return Err(SHORT_OF_MEMORY.to_owned());
    }
    unwind::walker()
}

#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
fn unwind(copy: &Copy, walker: &Walker) -> Result<Vec<u64>, String> {
    unwind::unwind(copy, walker)
}

/// No stack is ever copied here.
#[cfg(not(all(target_os = "linux", target_arch = "x86_64")))]
enum Copy {}

#[cfg(not(all(target_os = "linux", target_arch = "x86_64")))]
fn copier() -> Result<(), String> {
    Err(if cfg!(target_os = "linux") {
        "stacks are read on x86-64 Linux only".to_owned()
    } else {
        "stacks are Linux-only".to_owned()
    })
}

#[cfg(not(all(target_os = "linux", target_arch = "x86_64")))]
fn copy(_copier: &(), _tid: u64) -> Result<Copy, String> {
    copier().map(|()| unreachable!("copier() always says why not here"))
}

#[cfg(not(all(target_os = "linux", target_arch = "x86_64")))]
type Walker = ();

#[cfg(not(all(target_os = "linux", target_arch = "x86_64")))]
fn walker() -> Result<Walker, String> {
    copier()
}

#[cfg(not(all(target_os = "linux", target_arch = "x86_64")))]
fn unwind(copy: &Copy, _walker: &Walker) -> Result<Vec<u64>, String> {
    match *copy {}
}

/// What the stacks of one report share: the walker that unwinds them, and the names of
/// their addresses, each found once.
#[derive(Default)]
struct Names {
    walker: OnceLock<Result<Walker, String>>,
    known: Mutex<HashMap<u64, Vec<Frame>>>,
    /// The system's libraries, whose functions their symbol tables name.
    #[cfg(all(target_os = "linux", target_arch = "x86_64"))]
    libraries: OnceLock<system::Libraries>,
    /// Whether the process has the memory to load its debug info (see [`room_to_name`]).
    room: OnceLock<bool>,
}

impl Names {
    /// The frames of a stack of return addresses (the first is the PC), up to the
    /// closure the thread was started with; none if the process is too short of memory
    /// to load its debug info.
    fn frames(&self, addresses: &[u64]) -> Vec<Frame> {
        if !*self.room.get_or_init(room_to_name) {
            return Vec::new();
        }
        let mut known = self.known.lock().unwrap_or_else(PoisonError::into_inner);
        let mut frames: Vec<Frame> = Vec::new();
        for (i, &address) in addresses.iter().enumerate() {
            // A return address points after its call: one byte back is inside it.
            let inside = if i == 0 {
                address
            } else {
                address.saturating_sub(1)
            };
            for frame in known
                .entry(inside)
                .or_insert_with(|| self.name(inside))
                .iter()
            {
                // What lies beyond is std's thread start and libc's.
                if frame.function.ends_with("__rust_begin_short_backtrace") {
                    return frames;
                }
                if frames.last() != Some(frame) {
                    frames.push(frame.clone());
                }
            }
        }
        frames
    }

    /// The functions at `address`, innermost first: from a system library's symbol
    /// table where it lies in one (see [`system`]), else from the debug info.
    fn name(&self, address: u64) -> Vec<Frame> {
        #[cfg(all(target_os = "linux", target_arch = "x86_64"))]
        if let Some(function) = self
            .libraries
            .get_or_init(system::Libraries::now)
            .function_at(address)
        {
            return function
                .map(|f| frames::c_function(&f))
                .into_iter()
                .collect();
        }
        name(address)
    }
}

/// Whether the process can spare the memory that loading its debug info takes: the
/// `backtrace` crate maps the program and parses it with allocations that abort if they
/// fail, and a process under a memory cap (`ulimit -v`) must get its report, not an
/// abort. Four times the program's size is asked for, fallibly, and given back at once.
fn room_to_name() -> bool {
    const AT_LEAST: u64 = 128 << 20;
    let program = std::fs::metadata("/proc/self/exe").map_or(0, |m| m.len());
    usize::try_from(program.saturating_mul(4).max(AT_LEAST)).is_ok_and(room)
}

/// Whether `bytes` could be allocated now. An allocation that fails aborts the process,
/// so the stacks' work starts only where there is room for all of it, with a margin: a
/// process under a memory cap (`ulimit -v`) gets its report without stacks instead.
fn room(bytes: usize) -> bool {
    Vec::<u8>::new().try_reserve_exact(bytes).is_ok()
}

/// What unwinding a report's stacks may take: the unwind tables, and a margin.
const UNWIND_ROOM: usize = 32 << 20;

const SHORT_OF_MEMORY: &str =
    "not read: the process is short of memory (an allocation that fails would abort it)";
