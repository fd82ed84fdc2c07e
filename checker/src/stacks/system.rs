//! Names for the frames in the system's shared libraries (libc above all), read from the
//! libraries' own symbol tables.
//!
//! The `backtrace` crate names them too, but where the system keeps their debug info
//! (`/usr/lib/debug`, as the `libc6-dbg` package installs it), it loads all of that
//! first: about 85 ms for glibc, in every process that writes a report, for names the
//! symbol table already has (`syscall`, `pthread_cond_wait`). The names are the same
//! either way for the exported functions a Rust program calls; a frame inside a function
//! that only the debug info names gets no name here, as it gets none from `backtrace` on
//! a system without that debug info. Frames of the program itself, and of any library
//! outside the system's folders, are still named by `backtrace`, with their lines.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, Mutex, PoisonError};

use object::read::elf::ElfFile64;
use object::{Object, ObjectSegment, ObjectSymbol, SymbolKind};

use super::unwind::{Mapping, read_bytes, read_maps};

/// Where the system's shared libraries live: code mapped from a file below one of these
/// is C (or at least not the program's own), and its symbol table names it.
const SYSTEM_FOLDERS: &[&str] = &["/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/"];

/// The code of the system's libraries as this process maps it, read once per report.
pub(super) struct Libraries(Vec<Mapping>);

impl Libraries {
    /// The system libraries mapped now; none if the mappings cannot be read (then
    /// `backtrace` names every frame).
    pub(super) fn now() -> Self {
        let maps = read_maps().unwrap_or_default();
        Self(maps.into_iter().filter(is_system_code).collect())
    }

    /// The function of a system library that `address` is in: `None` when the address is
    /// not in a system library; `Some(None)` when it is, but its symbol table names no
    /// function there.
    pub(super) fn function_at(&self, address: u64) -> Option<Option<String>> {
        let mapping = self.0.iter().find(|m| m.range.contains(&address))?;
        let symbols = symbols_of(mapping);
        let offset = address - mapping.range.start + mapping.offset;
        Some(symbols.and_then(|symbols| symbols.at_file_offset(offset)))
    }
}

/// Whether a mapping is code from a file in one of the [`SYSTEM_FOLDERS`].
fn is_system_code(mapping: &Mapping) -> bool {
    mapping.executable
        && SYSTEM_FOLDERS
            .iter()
            .any(|dir| mapping.path.starts_with(dir))
}

/// A library's functions, by where they lie in its file.
struct Symbols {
    /// `(file offsets, name)`, sorted by start; functions do not overlap.
    functions: Vec<(Range<u64>, String)>,
}

impl Symbols {
    fn at_file_offset(&self, offset: u64) -> Option<String> {
        let after = self
            .functions
            .partition_point(|(range, _)| range.start <= offset);
        let (range, name) = self.functions.get(after.checked_sub(1)?)?;
        range.contains(&offset).then(|| name.clone())
    }
}

/// Each library's symbols, read once for the life of the process: a mapped file does not
/// change while it is mapped.
static READ: Mutex<Option<HashMap<String, Option<Arc<Symbols>>>>> = Mutex::new(None);

fn symbols_of(mapping: &Mapping) -> Option<Arc<Symbols>> {
    let mut read = READ.lock().unwrap_or_else(PoisonError::into_inner);
    read.get_or_insert_with(HashMap::new)
        .entry(mapping.shown_path())
        .or_insert_with(|| read_symbols(mapping).map(Arc::new))
        .clone()
}

/// The functions in a library's symbol table (`.symtab` if it kept one, else the dynamic
/// one), placed by file offset: an address maps to a file offset through its mapping,
/// and a symbol's address to one through the segment it is loaded with.
fn read_symbols(mapping: &Mapping) -> Option<Symbols> {
    // Read as the unwind tables are: a process under a memory cap gets no names here,
    // never an abort.
    let file = mapping.open()?;
    let len = usize::try_from(file.metadata().ok()?.len()).ok()?;
    let data = read_bytes(&file, 0, len)?;
    let file = ElfFile64::<object::Endianness>::parse(&*data).ok()?;
    let to_offset = |address: u64| {
        file.segments().find_map(|segment| {
            let (start, size) = segment.file_range();
            (segment.address()..segment.address() + size)
                .contains(&address)
                .then(|| address - segment.address() + start)
        })
    };
    let mut functions: Vec<(Range<u64>, String)> = {
        let table: Vec<_> = if file.symbols().next().is_some() {
            file.symbols().collect()
        } else {
            file.dynamic_symbols().collect()
        };
        table
            .into_iter()
            .filter(|symbol| symbol.kind() == SymbolKind::Text && symbol.size() > 0)
            .filter_map(|symbol| {
                let start = to_offset(symbol.address())?;
                let name = symbol.name().ok()?;
                Some((start..start + symbol.size(), name.to_owned()))
            })
            .collect()
    };
    functions.sort_by_key(|(range, _)| range.start);
    Some(Symbols { functions })
}

#[cfg(test)]
mod tests {
    use super::super::unwind::parse_mapping;
    use super::*;

    #[test]
    fn a_maps_line_of_a_system_library_is_its_code() {
        let read = |line| is_system_code(&parse_mapping(line).expect("a maps line"));
        assert!(read(
            "7f81d0734000-7f81d075c000 r-xp 00028000 08:01 1234   /usr/lib/x86_64-linux-gnu/libc.so.6"
        ));
        assert!(
            !read("7f81d0734000-7f81d075c000 r--p 00000000 08:01 1234   /usr/lib/libc.so.6"),
            "not code"
        );
        assert!(
            !read("55f158000000-55f158100000 r-xp 00010000 08:01 99   /home/me/target/debug/app"),
            "the program's own code"
        );
    }
}
