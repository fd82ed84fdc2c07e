//! Reading a blocked thread's return addresses, on x86-64 Linux, without stopping it.
//!
//! The kernel publishes where a blocked thread entered the kernel: `/proc/self/task/TID/syscall`
//! reads `NR ARG1 .. ARG6 SP PC` for a thread in a system call, `-1 SP PC` for one blocked
//! elsewhere, and `running` for one on a CPU (`proc(5)`). Its stack is memory of this very
//! process, so it is read through `/proc/self/mem`, which fails cleanly on an unmapped
//! address where a plain read would fault. The thread is never stopped, signalled or
//! traced: taking its stack cannot change what it does.
//!
//! The stack is unwound with the binaries' own unwind tables (`.eh_frame`, found through
//! each mapped file's `PT_GNU_EH_FRAME`) by `framehop`. One register is missing: the
//! kernel tells SP and PC but not the frame pointer, RBP, which the standard library's
//! frames (built with frame pointers) need to find their caller. Where the walk needs it,
//! it is found on the stack: RBP points at a saved RBP beside a return address, so each
//! slot above SP is tried, and kept only when the whole walk from it runs to the thread's
//! first frame through return addresses that each follow a call instruction. A walk that
//! cannot be completed so gives no stack, never a guessed one.
//!
//! The thread may wake while its stack is read: the `syscall` file is read again after the
//! copy (see [`copy_of`]), and a copy made while SP or PC moved is not trusted. The copy
//! is taken at the verdict and unwound at once, into one reused buffer: a report keeps
//! return addresses only, a few hundred bytes a stack, never the copies.
//!
//! A walk counts only if it reaches the thread's first frame, the one the unwind tables
//! mark as a thread's start: a walk that stops short (a file whose tables cannot be read,
//! a frame pointer not found) says so, as "could not unwind: ...", never a partial stack
//! that would read as one without the user's frames.

use std::cell::Cell;
use std::fs::File;
use std::ops::Range;
use std::os::unix::fs::FileExt;
use std::sync::{Arc, Mutex, PoisonError};

use framehop::x86_64::{CacheX86_64, UnwindRegsX86_64, UnwinderX86_64};
use framehop::{ExplicitModuleSectionInfo, FrameAddress, Module, Unwinder};
use object::LittleEndian as LE;
use object::elf::{FileHeader64, PT_GNU_EH_FRAME, PT_LOAD};
use object::read::elf::{FileHeader, ProgramHeader};

/// The deepest stack walked; a blocked thread's stack is rarely a tenth of this.
const MAX_FRAMES: usize = 256;
/// How far above a frame's SP its saved frame pointer is looked for.
const MAX_FRAME_BYTES: u64 = 64 * 1024;
const PAGE: u64 = 4096;

/// An RBP no frame can have: a walk that needs the real one fails on it.
const UNKNOWN_BP: u64 = 8;

/// What the kernel says of a thread's user-space registers.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Where {
    Blocked { sp: u64, pc: u64, line: String },
    Running,
}

/// A blocked thread's stack pointer, program counter and the innermost part of its
/// stack, copied at one moment into a buffer the copies of one report share: what its
/// return addresses are unwound from, at once.
pub(super) struct Copy<'a> {
    sp: u64,
    pc: u64,
    /// The page-aligned address `bytes` start at.
    start: u64,
    bytes: &'a [u8],
}

/// Copies a blocked thread's stack, or says why it cannot.
///
/// The thread may wake while it is read. Its stack is copied in one read between two
/// readings of where it is blocked and of how many times it has been given the CPU; if
/// either differs, it ran, and it is looked at again. (Where it is blocked alone does not
/// tell: a ticker that wakes and sleeps again between the readings blocks at the same
/// place, with its stack rewritten under the copy.) A thread that wakes now and then is
/// caught asleep within a few looks; one that never sleeps (a spinning loop) is not.
pub(super) fn copy_of<'a>(
    tid: u64,
    maps: &Maps,
    mem: &File,
    buffer: &'a mut Vec<u8>,
) -> Result<Copy<'a>, String> {
    for _ in 0..LOOKS {
        let switched = switches(tid)?;
        let before = read_where(tid)?;
        let Where::Blocked { sp, pc, .. } = before else {
            std::thread::yield_now();
            continue;
        };
        let start = sp & !(PAGE - 1);
        let end = maps.stack_end(sp)?.min(start + COPY_BYTES);
        if !read_into(buffer, mem, start, (end - start) as usize) {
            return Err(format!("not read: its stack at {sp:#x} cannot be read"));
        }
        if read_where(tid)? == before && switches(tid)? == switched {
            return Ok(Copy {
                sp,
                pc,
                start,
                bytes: buffer,
            });
        }
    }
    Err(format!(
        "not read: it was running, or ran while read, each of the {LOOKS} times it was \
         looked at, so its stack was moving"
    ))
}

/// The walker for the code mapped as `maps` says.
pub(super) fn walker(maps: &Maps) -> Result<Arc<Walker>, String> {
    Walker::current(&maps.0)
}

/// The return addresses of a copied stack, innermost first (the first is the PC).
pub(super) fn unwind(copy: &Copy<'_>, walker: &Walker) -> Result<Vec<u64>, String> {
    walker
        .walk(copy.pc, copy.sp, &|address| copy.read(address))
        .map_err(|why| format!("could not unwind: {why}"))
}

impl Copy<'_> {
    fn read(&self, address: u64) -> Result<u64, ()> {
        let offset = usize::try_from(address.checked_sub(self.start).ok_or(())?).map_err(|_| ())?;
        let word = self
            .bytes
            .get(offset..offset.checked_add(8).ok_or(())?)
            .ok_or(())?;
        Ok(u64::from_le_bytes(word.try_into().map_err(|_| ())?))
    }
}

/// How much of a stack is copied, from its stack pointer's page up: a blocked thread's
/// frames take a few KiB (tens in a debug build with deep calls); a walk that needs more
/// stops there, and says so.
const COPY_BYTES: u64 = 64 * 1024;

/// How many times a running thread is looked at before its stack is given up: a thread
/// that wakes every millisecond on a busy machine can spoil a dozen looks in a row.
const LOOKS: usize = 64;

/// How many times the thread has been given the CPU: a thread that runs at all between two
/// readings changes it. From `schedstat` (its third number), small and quick to read; from
/// `status` (its context switches) where the kernel keeps no `schedstat`.
fn switches(tid: u64) -> Result<u64, String> {
    let task = format!("/proc/self/task/{tid}");
    if let Ok(text) = std::fs::read_to_string(format!("{task}/schedstat"))
        && let Some(slices) = text.split_whitespace().nth(2).and_then(|n| n.parse().ok())
    {
        return Ok(slices);
    }
    let path = format!("{task}/status");
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("not read: {path} cannot be read ({e})"))?;
    parse_switches(&text).ok_or_else(|| format!("not read: {path} gives no context switch counts"))
}

/// The sum of `voluntary_ctxt_switches` and `nonvoluntary_ctxt_switches` in a status file.
fn parse_switches(status: &str) -> Option<u64> {
    let count = |key: &str| {
        status
            .lines()
            .find_map(|line| line.strip_prefix(key))
            .and_then(|rest| rest.trim().parse::<u64>().ok())
    };
    Some(count("voluntary_ctxt_switches:")? + count("nonvoluntary_ctxt_switches:")?)
}

fn read_where(tid: u64) -> Result<Where, String> {
    let text = std::fs::read_to_string(format!("/proc/self/task/{tid}/syscall"))
        .map_err(|e| format!("not read: /proc/self/task/{tid}/syscall cannot be read ({e})"))?;
    parse_syscall(&text)
        .ok_or_else(|| format!("not read: /proc/self/task/{tid}/syscall reads {text:?}"))
}

/// `NR ARG1..ARG6 SP PC`, `-1 SP PC` or `running` (`proc(5)`); numbers but NR in hex.
fn parse_syscall(text: &str) -> Option<Where> {
    let text = text.trim();
    if text == "running" {
        return Some(Where::Running);
    }
    let fields: Vec<&str> = text.split_whitespace().collect();
    // `-1 SP PC` blocked outside a system call; `NR ARG1..ARG6 SP PC` inside one.
    if !(fields.len() == 3 && fields[0] == "-1" || fields.len() == 9) {
        return None;
    }
    let hex = |field: &str| u64::from_str_radix(field.strip_prefix("0x")?, 16).ok();
    Some(Where::Blocked {
        sp: hex(fields[fields.len() - 2])?,
        pc: hex(fields[fields.len() - 1])?,
        line: text.to_owned(),
    })
}

/// The modules of this process and their unwind tables. Read at the first report and kept
/// while the same files are mapped at the same places: reading them costs more than
/// walking a few stacks, and a program that counts its threads with failed verdicts
/// should not pay it each time. The copy weighs what the program's `.eh_frame` does (a
/// few hundred KiB); the files' pages are read, not mapped, so the process's memory
/// grows by that copy only.
pub(super) struct Walker {
    mem: File,
    maps: Vec<Mapping>,
    unwinder: UnwinderX86_64<Bytes>,
    /// Each module's unwind tables, to find where a function starts.
    tables: Vec<Tables>,
    /// Executable ranges: a return address outside them is not one.
    code: Vec<Range<u64>>,
    cache: Mutex<CacheX86_64>,
}

/// The mappings of this process when a report is made: each thread's stack is one, new
/// with the thread.
pub(super) struct Maps(Vec<Mapping>);

impl Maps {
    pub(super) fn now() -> Result<Self, String> {
        read_maps().map(Self)
    }

    fn stack_end(&self, sp: u64) -> Result<u64, String> {
        let mapping = self
            .0
            .iter()
            .find(|m| m.range.contains(&sp))
            .ok_or_else(|| format!("not read: its stack pointer {sp:#x} is in no mapping"))?;
        Ok(mapping.range.end)
    }
}

/// The walker of the latest report.
static WALKER: Mutex<Option<Arc<Walker>>> = Mutex::new(None);

impl Walker {
    /// The walker for this process as it is mapped now.
    fn current(maps: &[Mapping]) -> Result<Arc<Walker>, String> {
        let mut kept = WALKER.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(walker) = kept.as_ref().filter(|w| same_code(&w.maps, maps)) {
            return Ok(Arc::clone(walker));
        }
        let mem = File::open("/proc/self/mem")
            .map_err(|e| format!("/proc/self/mem cannot be opened ({e})"))?;
        let mut unwinder = UnwinderX86_64::new();
        let tables: Vec<Tables> = modules(maps);
        for table in &tables {
            unwinder.add_module(table.module());
        }
        let code = maps
            .iter()
            .filter(|m| m.executable)
            .map(|m| m.range.clone())
            .collect();
        let walker = Arc::new(Walker {
            mem,
            maps: maps.to_vec(),
            unwinder,
            tables,
            code,
            cache: Mutex::new(CacheX86_64::new()),
        });
        *kept = Some(Arc::clone(&walker));
        Ok(walker)
    }

    fn is_code(&self, address: u64) -> bool {
        self.code.iter().any(|range| range.contains(&address))
    }

    /// Whether `ra` can be a return address: it is in code, right after a call.
    fn follows_call(&self, ra: u64) -> bool {
        if !self.is_code(ra) || !self.is_code(ra.wrapping_sub(7)) {
            return false;
        }
        let mut b = [0u8; 7];
        if self.mem.read_exact_at(&mut b, ra - 7).is_err() {
            return false;
        }
        // `call rel32` (E8), or `call r/m64` (FF /2) in its 2, 3, 4, 6 and 7 byte forms.
        let indirect = |at: usize| b[at] == 0xff && (b[at + 1] >> 3) & 7 == 2;
        b[2] == 0xe8 || [0, 1, 3, 4, 5].into_iter().any(indirect)
    }

    fn walk(
        &self,
        pc: u64,
        sp: u64,
        stack: &dyn Fn(u64) -> Result<u64, ()>,
    ) -> Result<Vec<u64>, String> {
        let mut cache = self.cache.lock().unwrap_or_else(PoisonError::into_inner);
        let reads = Cell::new(0usize);
        let mut read = |address| {
            reads.set(reads.get() + 1);
            stack(address)
        };
        let mut frames = vec![pc];
        let mut regs = UnwindRegsX86_64::new(pc, sp, UNKNOWN_BP);
        let mut address = FrameAddress::InstructionPointer(pc);
        while frames.len() < MAX_FRAMES {
            self.tables_for(address, frames.len())?;
            let mut next = regs;
            let reads_before = reads.get();
            match self
                .unwinder
                .unwind_frame(address, &mut next, &mut cache, &mut read)
            {
                // The tables' end of the stack reads nothing; a walk that read a zero
                // where a return address should be stopped short of it.
                Ok(None) if reads.get() == reads_before => return Ok(frames),
                Ok(None) => {
                    return Err(format!(
                        "its stack ends after {} frames, short of the thread's start",
                        frames.len()
                    ));
                }
                Ok(Some(ra)) if self.is_code(ra) => {
                    frames.push(ra);
                    regs = next;
                    address =
                        FrameAddress::from_return_address(ra).ok_or("a return address of zero")?;
                }
                // The walk needs the frame pointer it was not told.
                _ if regs.bp() == UNKNOWN_BP => {
                    let mut read = |address| stack(address);
                    let rest = self
                        .frame_pointer_from_prologue(address, &regs)
                        .and_then(|bp| {
                            let mut known = regs;
                            known.set_bp(bp);
                            self.complete_walk(address, known, &mut cache, &mut read)
                        })
                        .or_else(|| {
                            self.search_frame_pointer(address, &regs, &mut cache, &mut read)
                        })
                        .ok_or_else(|| {
                            format!(
                                "its stack could be followed for {} frames only: the frame \
                                 pointer of the next one was not found",
                                frames.len()
                            )
                        })?;
                    frames.extend(rest);
                    return Ok(frames);
                }
                _ => {
                    return Err(format!(
                        "its stack ends in garbage after {} frames",
                        frames.len()
                    ));
                }
            }
        }
        // The innermost frames, where a wait is, are all there.
        Ok(frames)
    }

    /// `Ok` if frame `n`, at `address`, lies in a file whose unwind tables were read;
    /// otherwise why the walk cannot go on from it.
    fn tables_for(&self, address: FrameAddress, n: usize) -> Result<(), String> {
        let lookup = address.address_for_lookup();
        if self.tables.iter().any(|t| t.avma.contains(&lookup)) {
            return Ok(());
        }
        Err(match self.maps.iter().find(|m| m.range.contains(&lookup)) {
            Some(mapping) if !mapping.path.is_empty() => format!(
                "frame {n} is in {}, whose unwind tables could not be read",
                mapping.shown_path()
            ),
            _ => format!("frame {n} is at {lookup:#x}, in no file with unwind tables"),
        })
    }

    /// Where the frame pointer is, read from the prologue of the function `address` is
    /// in: `push rbp; mov rbp, rsp`, pushes of saved registers, `sub rsp, N`. Past the
    /// prologue (where every call is), RBP is that far above RSP. `None` for a prologue
    /// of any other shape.
    fn frame_pointer_from_prologue(
        &self,
        address: FrameAddress,
        regs: &UnwindRegsX86_64,
    ) -> Option<u64> {
        let lookup = address.address_for_lookup();
        let start = self
            .tables
            .iter()
            .find(|t| t.avma.contains(&lookup))?
            .function_start(lookup)?;
        let code = read_bytes(&self.mem, start, 32)?;
        let below = prologue_depth(&code)?;
        regs.sp().checked_add(below)
    }

    /// The rest of the walk from `address`, with the frame pointer found on the stack:
    /// the first slot above SP from which the whole walk reaches the thread's first frame.
    /// Slots below the real one may hold stale frame records of earlier calls; a walk
    /// from one must still end where the unwind tables say a thread starts.
    fn search_frame_pointer(
        &self,
        address: FrameAddress,
        regs: &UnwindRegsX86_64,
        cache: &mut CacheX86_64,
        read: &mut impl FnMut(u64) -> Result<u64, ()>,
    ) -> Option<Vec<u64>> {
        let low = regs.sp();
        for bp in (low..low.saturating_add(MAX_FRAME_BYTES)).step_by(8) {
            let (Ok(saved), Ok(ra)) = (read(bp), read(bp + 8)) else {
                return None;
            };
            // A frame record: the caller's frame pointer above this one (or none), and a
            // return address.
            if saved != 0 && saved <= bp || !self.follows_call(ra) {
                continue;
            }
            let mut trial = *regs;
            trial.set_bp(bp);
            if let Some(rest) = self.complete_walk(address, trial, cache, read) {
                return Some(rest);
            }
        }
        None
    }

    /// The return addresses from `address` to the thread's first frame, if every one
    /// of them follows a call and the last frame is one the unwind tables mark as a
    /// thread's first (glibc's `clone3`, `_start`): a walk that merely reads a zero off
    /// the stack, as a walk through stale data does, is refused.
    fn complete_walk(
        &self,
        mut address: FrameAddress,
        mut regs: UnwindRegsX86_64,
        cache: &mut CacheX86_64,
        read: &mut impl FnMut(u64) -> Result<u64, ()>,
    ) -> Option<Vec<u64>> {
        let mut frames = Vec::new();
        let reads = Cell::new(0usize);
        let mut counted = |address| {
            reads.set(reads.get() + 1);
            read(address)
        };
        loop {
            self.tables_for(address, frames.len()).ok()?;
            let reads_before = reads.get();
            match self
                .unwinder
                .unwind_frame(address, &mut regs, cache, &mut counted)
            {
                // The tables' end of the stack reads nothing.
                Ok(None) => {
                    let ended_by_table = reads.get() == reads_before;
                    return (ended_by_table && !frames.is_empty()).then_some(frames);
                }
                Ok(Some(ra)) if frames.len() < MAX_FRAMES && self.follows_call(ra) => {
                    frames.push(ra);
                    address = FrameAddress::from_return_address(ra)?;
                }
                _ => return None,
            }
        }
    }
}

/// One line of `/proc/self/maps`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Mapping {
    pub(super) range: Range<u64>,
    pub(super) offset: u64,
    pub(super) executable: bool,
    /// The file mapped, whole (it may hold spaces); empty for anonymous memory.
    pub(super) path: String,
    /// The file was deleted (or replaced) since it was mapped: it is opened through
    /// `/proc/self/map_files`, which still reaches it.
    pub(super) deleted: bool,
}

impl Mapping {
    /// The mapped file, opened: by its path, or, once deleted or replaced (a test binary
    /// rebuilt while it runs), through the mapping itself.
    pub(super) fn open(&self) -> Option<File> {
        if !self.deleted
            && let Ok(file) = File::open(&self.path)
        {
            return Some(file);
        }
        File::open(format!(
            "/proc/self/map_files/{:x}-{:x}",
            self.range.start, self.range.end
        ))
        .ok()
    }

    /// The file's path as a report says it.
    pub(super) fn shown_path(&self) -> String {
        if self.deleted {
            format!("{} (deleted)", self.path)
        } else {
            self.path.clone()
        }
    }
}

pub(super) fn read_maps() -> Result<Vec<Mapping>, String> {
    let text = std::fs::read_to_string("/proc/self/maps")
        .map_err(|e| format!("/proc/self/maps cannot be read ({e})"))?;
    Ok(text.lines().filter_map(parse_mapping).collect())
}

/// `START-END PERMS OFFSET DEV INODE PATH`, numbers in hex. The path is the rest of the
/// line after the inode and the spaces that pad it, so it may hold spaces itself; the
/// kernel ends it with ` (deleted)` when the file was removed since it was mapped.
pub(super) fn parse_mapping(line: &str) -> Option<Mapping> {
    let mut rest = line;
    let mut field = || {
        let (field, after) = rest
            .trim_start()
            .split_once(' ')
            .unwrap_or((rest.trim_start(), ""));
        rest = after;
        field
    };
    let (start, end) = field().split_once('-')?;
    let perms = field();
    let offset = u64::from_str_radix(field(), 16).ok()?;
    let _device = field();
    let _inode = field();
    let path = rest.trim_start();
    let (path, deleted) = match path.strip_suffix(" (deleted)") {
        Some(path) => (path, true),
        None => (path, false),
    };
    Some(Mapping {
        range: u64::from_str_radix(start, 16).ok()?..u64::from_str_radix(end, 16).ok()?,
        offset,
        executable: perms.contains('x'),
        path: path.to_owned(),
        deleted,
    })
}

/// Whether two readings of the maps have the same files mapped at the same places, as
/// code. A stack's own mapping changes with every thread; the code's only when a library
/// is loaded or unloaded.
fn same_code(a: &[Mapping], b: &[Mapping]) -> bool {
    let code = |maps: &[Mapping]| -> Vec<Mapping> {
        maps.iter().filter(|m| m.executable).cloned().collect()
    };
    code(a) == code(b)
}

/// Bytes read from a file, shared without a copy: a copy would be an allocation that a
/// process short of memory could not make, and an allocation that fails aborts.
#[derive(Clone, Default)]
struct Bytes(Arc<Vec<u8>>);

impl std::ops::Deref for Bytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        &self.0
    }
}

/// One mapped ELF file's unwind tables, read from memory.
struct Tables {
    path: String,
    /// Where the file is mapped.
    avma: Range<u64>,
    /// What its addresses are shifted by, where it is mapped.
    bias: u64,
    hdr_svma: u64,
    hdr: Bytes,
    eh_svma: u64,
    eh_frame: Bytes,
}

impl Tables {
    fn module(&self) -> Module<Bytes> {
        let info = ExplicitModuleSectionInfo {
            base_svma: 0,
            eh_frame_svma: Some(self.eh_svma..self.eh_svma + self.eh_frame.len() as u64),
            eh_frame: Some(self.eh_frame.clone()),
            eh_frame_hdr_svma: Some(self.hdr_svma..self.hdr_svma + self.hdr.len() as u64),
            eh_frame_hdr: Some(self.hdr.clone()),
            ..Default::default()
        };
        Module::new(self.path.clone(), self.avma.clone(), self.bias, info)
    }

    /// Where the function holding `address` starts, from its unwind entry.
    fn function_start(&self, address: u64) -> Option<u64> {
        let bases = gimli::BaseAddresses::default()
            .set_eh_frame_hdr(self.hdr_svma)
            .set_eh_frame(self.eh_svma);
        let hdr = gimli::EhFrameHdr::new(&self.hdr, gimli::LittleEndian)
            .parse(&bases, 8)
            .ok()?;
        let eh_frame = gimli::EhFrame::new(&self.eh_frame, gimli::LittleEndian);
        let svma = address.checked_sub(self.bias)?;
        let fde = hdr
            .table()?
            .fde_for_address(
                &eh_frame,
                &bases,
                svma,
                <gimli::EhFrame<_> as gimli::UnwindSection<_>>::cie_from_offset,
            )
            .ok()?;
        fde.initial_address().checked_add(self.bias)
    }
}

/// How far below RBP a function's RSP is past its prologue, for the shape compilers
/// give frame-pointer functions: `[endbr64] push rbp; mov rbp, rsp`, then pushes of
/// saved registers, then `sub rsp, N` if the frame has locals.
fn prologue_depth(code: &[u8]) -> Option<u64> {
    let mut at = 0;
    if code.starts_with(&[0xf3, 0x0f, 0x1e, 0xfa]) {
        at = 4;
    }
    if code.get(at..at + 4)? != [0x55, 0x48, 0x89, 0xe5] {
        return None;
    }
    at += 4;
    let mut depth = 0u64;
    loop {
        match code.get(at..)? {
            // push rbx, rsi, rdi (and not rsp or rbp)
            [0x53 | 0x56 | 0x57, ..] => at += 1,
            // push r8..r15
            [0x41, 0x50..=0x57, ..] => at += 2,
            _ => break,
        }
        depth += 8;
    }
    match code.get(at..)? {
        [0x48, 0x83, 0xec, n, ..] => depth += u64::from(*n),
        [0x48, 0x81, 0xec, a, b, c, d, ..] => {
            depth += u64::from(u32::from_le_bytes([*a, *b, *c, *d]));
        }
        _ => {}
    }
    Some(depth)
}

/// The unwind tables of each mapped ELF file with code.
fn modules(maps: &[Mapping]) -> Vec<Tables> {
    let mut paths: Vec<&str> = maps
        .iter()
        .filter(|m| m.executable && m.path.starts_with('/'))
        .map(|m| m.path.as_str())
        .collect();
    paths.sort_unstable();
    paths.dedup();
    paths
        .into_iter()
        .filter_map(|path| {
            let mine: Vec<&Mapping> = maps.iter().filter(|m| m.path == path).collect();
            tables(path, &mine)
        })
        .collect()
}

/// A file's unwind tables, read from the file: read through `/proc/self/mem`, its pages
/// would be mapped into this process and count in its memory for good.
fn tables(path: &str, mine: &[&Mapping]) -> Option<Tables> {
    let file = mine.iter().find_map(|mapping| mapping.open())?;
    let mut head = vec![0u8; PAGE as usize];
    let read = file.read_at(&mut head, 0).ok()?;
    head.truncate(read);
    let header = FileHeader64::<LE>::parse(&head[..]).ok()?;
    let segments = header.program_headers(LE, &head[..]).ok()?;
    // The mapping of the file's start is its first loaded segment, page-aligned.
    let first = mine.iter().find(|m| m.offset == 0)?;
    let first_load = segments.iter().find(|p| p.p_type(LE) == PT_LOAD)?;
    let bias = first
        .range
        .start
        .wrapping_sub(first_load.p_vaddr(LE) & !(PAGE - 1));
    let eh_frame_hdr = segments.iter().find(|p| p.p_type(LE) == PT_GNU_EH_FRAME)?;
    let hdr_svma = eh_frame_hdr.p_vaddr(LE);
    let hdr_len = usize::try_from(eh_frame_hdr.p_filesz(LE)).ok()?;
    let hdr = read_bytes(&file, eh_frame_hdr.p_offset(LE), hdr_len)?;
    let bases = gimli::BaseAddresses::default().set_eh_frame_hdr(hdr_svma);
    let parsed = gimli::EhFrameHdr::new(&hdr, gimli::LittleEndian)
        .parse(&bases, 8)
        .ok()?;
    let gimli::Pointer::Direct(eh_svma) = parsed.eh_frame_ptr() else {
        return None;
    };
    // `.eh_frame` ends where the loaded part of its segment does, at the latest.
    let holder = segments.iter().find(|p| {
        p.p_type(LE) == PT_LOAD
            && (p.p_vaddr(LE)..p.p_vaddr(LE) + p.p_filesz(LE)).contains(&eh_svma)
    })?;
    let eh_offset = eh_svma - holder.p_vaddr(LE) + holder.p_offset(LE);
    let eh_len = holder.p_vaddr(LE) + holder.p_filesz(LE) - eh_svma;
    let eh_frame = read_bytes(&file, eh_offset, usize::try_from(eh_len).ok()?)?;
    let low = mine.iter().map(|m| m.range.start).min()?;
    let high = mine.iter().map(|m| m.range.end).max()?;
    Some(Tables {
        path: path.to_owned(),
        avma: low..high,
        bias,
        hdr_svma,
        hdr: Bytes(Arc::new(hdr)),
        eh_svma,
        eh_frame: Bytes(Arc::new(eh_frame)),
    })
}

/// `len` bytes of `file` from `at`; `None` if they cannot be read, or if the memory for
/// them cannot be had: a process under a memory cap (`ulimit -v`) must get its report,
/// never an abort for an allocation the report made.
pub(super) fn read_bytes(file: &File, at: u64, len: usize) -> Option<Vec<u8>> {
    let mut bytes = Vec::new();
    read_into(&mut bytes, file, at, len).then_some(bytes)
}

/// Reads `len` bytes of `file` from `at` into `buffer`, in place of what it held; `false`
/// if they cannot be read or the memory for them cannot be had.
fn read_into(buffer: &mut Vec<u8>, file: &File, at: u64, len: usize) -> bool {
    buffer.clear();
    if buffer.try_reserve_exact(len).is_err() {
        return false;
    }
    buffer.resize(len, 0);
    file.read_exact_at(buffer, at).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_syscall_file_reads_as_blocked_or_running() {
        let futex = "202 0x55ae7b6a8348 0x89 0xffffffff 0x0 0x0 0x1ffffffff 0x7fb69127d458 \
                     0x7fb6913a3829\n";
        assert!(matches!(
            parse_syscall(futex),
            Some(Where::Blocked {
                sp: 0x7fb69127d458,
                pc: 0x7fb6913a3829,
                ..
            })
        ));
        assert!(matches!(
            parse_syscall("-1 0x7ffd1000 0x401000\n"),
            Some(Where::Blocked {
                sp: 0x7ffd1000,
                pc: 0x401000,
                ..
            })
        ));
        assert_eq!(parse_syscall("running\n"), Some(Where::Running));
        assert_eq!(parse_syscall("202 0x1 0x2\n"), None);
    }

    #[test]
    fn the_status_file_tells_how_often_a_thread_was_switched_out() {
        let status = "Name:\tworker\nState:\tS (sleeping)\nvoluntary_ctxt_switches:\t12\n\
                      nonvoluntary_ctxt_switches:\t3\n";
        assert_eq!(parse_switches(status), Some(15));
        assert_eq!(parse_switches("Name:\tworker\n"), None);
    }

    #[test]
    fn a_frame_pointer_prologue_tells_how_deep_its_frame_is() {
        // push rbp; mov rbp, rsp; push r15; push r14; push rbx; sub rsp, 0x28
        let code = [
            0x55, 0x48, 0x89, 0xe5, 0x41, 0x57, 0x41, 0x56, 0x53, 0x48, 0x83, 0xec, 0x28, 0x90,
        ];
        assert_eq!(prologue_depth(&code), Some(3 * 8 + 0x28));
        // endbr64; push rbp; mov rbp, rsp; sub rsp, 0x1000
        let code = [
            0xf3, 0x0f, 0x1e, 0xfa, 0x55, 0x48, 0x89, 0xe5, 0x48, 0x81, 0xec, 0x00, 0x10, 0, 0,
        ];
        assert_eq!(prologue_depth(&code), Some(0x1000));
        // push rbp; mov rbp, rsp; and then nothing pushed or reserved
        assert_eq!(prologue_depth(&[0x55, 0x48, 0x89, 0xe5, 0xc3]), Some(0));
        // Without a frame pointer.
        assert_eq!(prologue_depth(&[0x41, 0x57, 0x48, 0x83, 0xec, 0x28]), None);
    }

    #[test]
    fn a_maps_line_keeps_a_path_with_spaces_whole_and_says_when_it_was_deleted() {
        let line = "55d0c8a00000-55d0c8b00000 r-xp 00001000 08:01 77     /tmp/with space/a b (1)";
        let mapping = parse_mapping(line).unwrap();
        assert_eq!(mapping.path, "/tmp/with space/a b (1)");
        assert!(!mapping.deleted);
        let line =
            "55d0c8a00000-55d0c8b00000 r-xp 00001000 08:01 77     /tmp/with space/t (deleted)";
        let mapping = parse_mapping(line).unwrap();
        assert_eq!(mapping.path, "/tmp/with space/t");
        assert!(mapping.deleted);
        assert_eq!(mapping.shown_path(), "/tmp/with space/t (deleted)");
        let line = "7ffd1000-7ffd2000 rw-p 00000000 00:00 0                          [stack]";
        assert_eq!(parse_mapping(line).unwrap().path, "[stack]");
    }

    #[test]
    fn a_maps_line_reads_with_or_without_a_path() {
        let line = "7f81d0734000-7f81d075c000 r-xp 00028000 08:01 1234   /usr/lib/libc.so.6";
        let mapping = parse_mapping(line).unwrap();
        assert_eq!(mapping.range, 0x7f81d0734000..0x7f81d075c000);
        assert_eq!(mapping.offset, 0x28000);
        assert!(mapping.executable);
        assert_eq!(mapping.path, "/usr/lib/libc.so.6");
        let anonymous = parse_mapping("7f81d0000000-7f81d0021000 rw-p 00000000 00:00 0").unwrap();
        assert!(!anonymous.executable);
        assert_eq!(anonymous.path, "");
    }
}
