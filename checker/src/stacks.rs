//! Where a leaked thread waits: its stack, read once the verdict has failed, for the
//! threads it reports.
//!
//! How the stack is read is in [`unwind`] (x86-64 Linux): from the kernel's note of where
//! the blocked thread entered it, and its stack memory, through `/proc`. No thread is
//! stopped, signalled or traced, and no process is started: a report cannot change what
//! the code under test does. The stack is copied at the verdict and unwound at once, into
//! one buffer the copies share: a report keeps return addresses, and threads whose
//! addresses are the same share one stack, so that a thousand threads in one wait cost
//! one stack's worth and a pointer each. The stacks are named only when the report is
//! read. How a frame is named is in [`frames`] (and, for the system's C libraries, in
//! `system`), and how a stack reads in a report in [`render`]. Here is the rest: the stacks
//! of a report share one table of names, so that each address is named once (reading
//! debug info is the slow part), and the options that excuse by stack ask it questions.
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
/// Read after the deadline, for the threads of a failed verdict only: a clean verdict
/// never pays for it. The stack is copied and unwound at the verdict, and its functions
/// are named the first time they are asked for (a report's text asks), so a verdict that
/// is only counted never loads the debug info. Threads that wait at the same place share
/// one `ThreadStack`.
///
/// It is read on x86-64 Linux, for a thread blocked in the kernel (on a lock, a channel,
/// a condvar, a sleep, I/O): a thread that is running has no stack to read, and
/// [`why_missing`](Self::why_missing) says so, as it says why on other platforms and why
/// a stack could not be followed to the thread's start. Files and lines need line tables
/// (any debug build); without them the functions are still named, but code inlined into
/// a library function, as a small thread closure is in an optimized build, leaves no
/// frame of its own.
#[derive(Clone)]
pub struct ThreadStack(Arc<Inner>);

struct Inner {
    /// Return addresses, innermost first (the first is the PC), or why there are none.
    addresses: Result<Vec<u64>, String>,
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
    fn new(addresses: Result<Vec<u64>, String>, names: &Arc<Names>) -> Self {
        Self(Arc::new(Inner {
            addresses,
            frames: OnceLock::new(),
            names: Arc::clone(names),
        }))
    }

    fn missing(why: impl Into<String>) -> Self {
        Self::new(Err(why.into()), &Arc::default())
    }

    fn addresses(&self) -> &Result<Vec<u64>, String> {
        &self.0.addresses
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

    /// Why there is no stack, when there is none: `not read: ...` when it could not be
    /// copied (the thread was running, the platform is not supported, and so on), `could
    /// not unwind: ...` when it was copied but could not be followed to the thread's start
    /// (a file whose unwind tables could not be read, say).
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

/// The threads with their stacks read: identical stacks are kept once, and shared.
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
    ThreadStack::new(
        Ok(addresses.iter().map(|&a| a as u64).collect()),
        &Arc::default(),
    )
}

/// The stack of one thread, read now (for the options that excuse by stack).
pub(crate) fn stack_of(tid: u64) -> ThreadStack {
    stacks_of(&[tid])
        .pop()
        .unwrap_or_else(|| ThreadStack::missing("not read: the thread was not found"))
}

/// The stacks of these threads, read now, in the same order; threads whose return
/// addresses are the same (or whose stacks are missing for the same reason) share one.
fn stacks_of(tids: &[u64]) -> Vec<ThreadStack> {
    let started = Instant::now();
    let names = Arc::default();
    let read: Vec<Result<Vec<u64>, String>> = match reader() {
        Err(why) => tids.iter().map(|_| Err(why.clone())).collect(),
        Ok(mut reader) => tids
            .iter()
            .map(|&tid| {
                if started.elapsed() > TIME_LIMIT {
                    return Err(format!(
                        "not read: a report reads stacks for {}s, and that time ran out",
                        TIME_LIMIT.as_secs()
                    ));
                }
                reader.read(tid)
            })
            .collect(),
    };
    let mut shared: HashMap<Result<Vec<u64>, String>, ThreadStack> = HashMap::new();
    read.into_iter()
        .map(|addresses| {
            shared
                .entry(addresses)
                .or_insert_with_key(|addresses| ThreadStack::new(addresses.clone(), &names))
                .clone()
        })
        .collect()
}

/// What a report's stacks are read with: the mappings, this process's memory, the walker
/// that unwinds them, and one buffer each copy is made into in turn.
#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
struct Reader {
    maps: unwind::Maps,
    mem: std::fs::File,
    walker: Arc<unwind::Walker>,
    buffer: Vec<u8>,
}

#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
fn reader() -> Result<Reader, String> {
    // Unwinding reads the unwind tables (a few MiB at most), and a copy takes 64 KiB.
    if !room(UNWIND_ROOM) {
        return Err(SHORT_OF_MEMORY.to_owned());
    }
    let mem = std::fs::File::open("/proc/self/mem")
        .map_err(|e| format!("not read: /proc/self/mem cannot be opened ({e})"))?;
    let maps = unwind::Maps::now().map_err(|why| format!("not read: {why}"))?;
    let walker = unwind::walker(&maps).map_err(|why| format!("could not unwind: {why}"))?;
    Ok(Reader {
        maps,
        mem,
        walker,
        buffer: Vec::new(),
    })
}

#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
impl Reader {
    /// Thread `tid`'s return addresses, copied and unwound now, or why there are none.
    fn read(&mut self, tid: u64) -> Result<Vec<u64>, String> {
        let copy = unwind::copy_of(tid, &self.maps, &self.mem, &mut self.buffer)?;
        unwind::unwind(&copy, &self.walker)
    }
}

/// No stack is ever read here.
#[cfg(not(all(target_os = "linux", target_arch = "x86_64")))]
enum Reader {}

#[cfg(not(all(target_os = "linux", target_arch = "x86_64")))]
fn reader() -> Result<Reader, String> {
    Err(if cfg!(target_os = "linux") {
        "not read: stacks are read on x86-64 Linux only".to_owned()
    } else {
        "not read: stacks are read on Linux only".to_owned()
    })
}

#[cfg(not(all(target_os = "linux", target_arch = "x86_64")))]
impl Reader {
    fn read(&mut self, _tid: u64) -> Result<Vec<u64>, String> {
        match *self {}
    }
}

/// What the stacks of one report share: the names of their addresses, each found once.
#[derive(Default)]
struct Names {
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
    /// table where it lies in one (see [`system`]; a C function its table does not name
    /// is left out), else from the debug info, or an unnamed frame where that names none.
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
        let frames = name(address);
        if frames.is_empty() {
            vec![Frame::unnamed()]
        } else {
            frames
        }
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

/// What reading a report's stacks may take: the unwind tables, a copy, and a margin.
#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
const UNWIND_ROOM: usize = 32 << 20;

#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
const SHORT_OF_MEMORY: &str =
    "not read: the process is short of memory (an allocation that fails would abort it)";
