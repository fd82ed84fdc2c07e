//! A stack's frames as a person reads them: each address named with the `backtrace`
//! crate, its name without hash or generic arguments, its crate, and whether it is the
//! user's own code, by where its file is (see [`crate::source`]).

use std::ffi::c_void;
use std::path::Path;

use crate::source;

/// One function of a stack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Frame {
    /// The function's name, without the hash and generic arguments.
    pub(super) function: String,
    /// `file:line`, when the build has line tables.
    pub(super) place: Option<String>,
    /// The crate it belongs to, as its package is named (`crossbeam-channel`; `std` for
    /// the standard library, `libc` for C).
    pub(super) krate: String,
    /// Code the user wrote: its file lies under the workspace's root (see
    /// [`crate::source`]); for a frame without a file, its crate is one of the root's own.
    pub(super) own: bool,
    /// Whether anything named it: the code of a file whose symbols cannot be loaded (a
    /// program deleted or replaced since it started) is not named, and may be anyone's.
    pub(super) named: bool,
}

impl Frame {
    /// A frame nothing could name.
    pub(super) fn unnamed() -> Self {
        Self {
            function: String::new(),
            place: None,
            krate: String::new(),
            own: false,
            named: false,
        }
    }
}

/// `name` is `function`, or a closure inside it.
pub(super) fn names_function(name: &str, function: &str) -> bool {
    name.strip_prefix(function).is_some_and(|rest| {
        rest.split("::")
            .all(|part| part.is_empty() || part == "{{closure}}")
    })
}

/// The functions at one address, innermost first (a frame with inlined calls has several).
pub(super) fn name(address: u64) -> Vec<Frame> {
    let mut frames = Vec::new();
    backtrace::resolve(address as usize as *mut c_void, |symbol| {
        let Some(name) = symbol.name() else { return };
        let function = plain(&format!("{name:#}"));
        let file = symbol.filename();
        let krate = crate_of(&function, file);
        let own = match file {
            Some(file) => source::is_own(file),
            None => function
                .split_once("::")
                .is_some_and(|(krate, _)| source::is_own_crate(krate)),
        };
        let place = file
            .zip(symbol.lineno())
            .map(|(file, line)| format!("{}:{line}", source::shown(file)));
        frames.push(Frame {
            function,
            place,
            krate,
            own,
            named: true,
        });
    });
    frames
}

/// A function of a system library, named by its symbol table: no file, no line.
#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
pub(super) fn c_function(name: &str) -> Frame {
    let function = plain(name);
    Frame {
        krate: crate_of(&function, None),
        function,
        place: None,
        own: false,
        named: true,
    }
}

/// A demangled name without generic arguments, and `<T as Trait>::f` and `<T>::f` read as
/// `T::f`: `<std::sync::barrier::Barrier>::wait` is `std::sync::barrier::Barrier::wait`.
fn plain(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut depth = 0usize;
    let mut chars = name.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '<' if depth == 0 && (i == 0 || name[..i].ends_with("::")) => {
                // `<T ...>::f` at the start of a path: keep T, drop `as Trait`.
                let inner_end = matching(name, i);
                let inner = &name[i + 1..inner_end];
                let ty = inner.split(" as ").next().unwrap_or(inner);
                out.push_str(&plain(ty));
                while chars.peek().is_some_and(|&(j, _)| j <= inner_end) {
                    chars.next();
                }
            }
            '<' => depth += 1,
            '>' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The index of the `>` that closes the `<` at `open`, or the end.
fn matching(name: &str, open: usize) -> usize {
    let mut depth = 0usize;
    for (i, c) in name[open..].char_indices() {
        match c {
            '<' => depth += 1,
            '>' => {
                depth -= 1;
                if depth == 0 {
                    return open + i;
                }
            }
            _ => {}
        }
    }
    name.len()
}

/// The package a function belongs to: from its source path where the build has line
/// tables (an inlined function's name may be its last part only), else from its name.
fn crate_of(function: &str, file: Option<&Path>) -> String {
    if let Some(file) = file {
        let text = file.to_string_lossy().replace('\\', "/");
        if text.starts_with("/rustc/") || text.contains("/rustlib/") {
            return "std".to_owned();
        }
        if let Some(package) = source::package_of(file) {
            return package;
        }
    }
    match function.split_once("::") {
        Some(("core" | "alloc", _)) => "std".to_owned(),
        Some((krate, _)) => krate.replace('_', "-"),
        None if file.is_some_and(|f| f.extension().is_some_and(|e| e == "rs")) => {
            "this crate".to_owned()
        }
        None => "libc".to_owned(),
    }
}

/// The standard library and libc: what every wait goes through.
pub(super) fn is_runtime_library(krate: &str) -> bool {
    matches!(krate, "std" | "libc")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_without_generics_or_trait_casts() {
        assert_eq!(
            plain("<std::sync::barrier::Barrier>::wait"),
            "std::sync::barrier::Barrier::wait"
        );
        assert_eq!(
            plain("std::sync::mpmc::list::Channel<T>::recv::{{closure}}"),
            "std::sync::mpmc::list::Channel::recv::{{closure}}"
        );
        assert_eq!(
            plain(
                "<core::panic::unwind_safe::AssertUnwindSafe<F> as core::ops::FnOnce<()>>::call_once"
            ),
            "core::panic::unwind_safe::AssertUnwindSafe::call_once"
        );
        assert_eq!(plain("syscall"), "syscall");
    }

    #[test]
    fn a_function_names_itself_and_its_closures_only() {
        assert!(names_function("a::b::run", "a::b::run"));
        assert!(names_function("a::b::run::{{closure}}", "a::b::run"));
        assert!(!names_function("a::b::run_more", "a::b::run"));
        assert!(!names_function("a::b", "a::b::run"));
    }

    #[test]
    fn a_registry_crate_is_named_by_its_package() {
        let file = Path::new(
            "/usr/local/cargo/registry/src/index.crates.io-1949cf8c6b5b557f/crossbeam-channel-0.5.15/src/channel.rs",
        );
        assert_eq!(crate_of("send", Some(file)), "crossbeam-channel");
        let std = Path::new("/rustc/5980/library/std/src/sync/poison/mutex.rs");
        assert_eq!(crate_of("lock", Some(std)), "std");
        assert_eq!(crate_of("core::ops::FnOnce::call_once", None), "std");
        assert_eq!(crate_of("tokio_util::task::spawn", None), "tokio-util");
        assert_eq!(crate_of("syscall", None), "libc");
    }
}
