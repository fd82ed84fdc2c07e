//! Whose code a source file is: the user's, or a dependency's. One rule, for the frames of
//! a thread's stack and of a traced task's wait alike.
//!
//! The user's code is what lies under the root of the workspace under test: the folder of
//! its `Cargo.lock`, found once per process (see [`find_root`]). Set aside under it are
//! `target/` (generated code), a `vendor/` folder (vendored crates), this crate's own
//! source, and whatever is laid out as cargo lays out what it downloads
//! (`registry/src/INDEX-HASH/PACKAGE-VERSION/`, `git/checkouts/NAME-HASH/REV/`), wherever
//! the cargo home is (`CARGO_HOME` may well be inside the root, as CI setups keep it).
//! Everything else is a dependency: the standard library, the cargo home, a path
//! dependency outside the root. Where no root is found, the user's code is every file that
//! is none of those.
//!
//! Paths are compared as text, with `/` and `\` as the same separator and, on Windows,
//! without regard to ASCII case: debug info and `Location` give paths as the build wrote
//! them. A frame whose file is not known (a build without line tables) is the user's when
//! its crate is one of the root's own packages: those `Cargo.lock` lists without a source.

use std::path::{Component, Path, PathBuf, Prefix};
use std::sync::OnceLock;

/// Whether `file` (from debug info or a `Location`) is the user's own code.
pub(crate) fn is_own(file: &Path) -> bool {
    rule().is_own(&file.to_string_lossy())
}

/// Whether `file` is this crate's own source (never the user's, wherever it is).
#[cfg(feature = "tokio")]
pub(crate) fn is_this_crate(file: &Path) -> bool {
    rule().is_checker_source(&normalized(&file.to_string_lossy()))
}

/// Whether a function of crate `krate` (as its paths name it: `my_crate`) is the user's
/// own, for a frame whose file is not known.
pub(crate) fn is_own_crate(krate: &str) -> bool {
    rule().local_crates.iter().any(|local| local == krate) && krate != env!("CARGO_CRATE_NAME")
}

/// `file` as a person types it from the workspace's root, the same wherever the program
/// was run from; as it is, if it lies outside the root.
pub(crate) fn shown(file: &Path) -> String {
    rule().shown(&file.to_string_lossy())
}

/// The package a dependency's file belongs to, where its path says it: `crossbeam-channel`
/// for `.../registry/src/INDEX/crossbeam-channel-0.5.15/src/...`, `foo` for
/// `ROOT/vendor/foo/src/...`.
pub(crate) fn package_of(file: &Path) -> Option<String> {
    let text = file.to_string_lossy();
    let path = normalized(&text);
    let parts: Vec<&str> = path.split('/').collect();
    if let Some(at) = registry_at(&parts) {
        return Some(package_name(parts[at + 3]).to_owned());
    }
    let root = rule().root.as_deref()?;
    let rest = under(&path, root)?;
    let rest = rest.strip_prefix("vendor/")?;
    let folder = rest.split('/').next()?;
    Some(package_name(folder).to_owned())
}

fn rule() -> &'static Rule {
    static RULE: OnceLock<Rule> = OnceLock::new();
    RULE.get_or_init(|| {
        let root = find_root();
        let local_crates = root
            .as_deref()
            .and_then(|root| std::fs::read_to_string(root.join("Cargo.lock")).ok())
            .map(|lock| local_packages(&lock))
            .unwrap_or_default();
        Rule::new(
            root.as_deref().map(Path::to_string_lossy).as_deref(),
            std::env::var("CARGO_HOME").ok().as_deref(),
            local_crates,
        )
    })
}

/// The root of the workspace under test: the nearest folder holding a `Cargo.lock` above,
/// in this order, the package cargo runs the program for (`CARGO_MANIFEST_DIR`, which
/// `cargo test` and `cargo run` set), the program itself (a build in the workspace's
/// `target/`, run from anywhere), and the current folder.
fn find_root() -> Option<PathBuf> {
    let holding_lock = |start: &Path| {
        start
            .ancestors()
            .find(|dir| dir.join("Cargo.lock").is_file())
            .map(Path::to_owned)
    };
    std::env::var_os("CARGO_MANIFEST_DIR")
        .and_then(|dir| holding_lock(Path::new(&dir)))
        .or_else(|| {
            let exe = std::env::current_exe().ok()?;
            holding_lock(exe.parent()?)
        })
        .or_else(|| holding_lock(&std::env::current_dir().ok()?))
}

/// The crates of the packages `Cargo.lock` lists without a `source`: the workspace's own,
/// and its path dependencies. Crates are named as paths name them, `-` read as `_`.
fn local_packages(lock: &str) -> Vec<String> {
    let mut local = Vec::new();
    for package in lock.split("[[package]]").skip(1) {
        let field = |key: &str| {
            package.lines().find_map(|line| {
                let (k, v) = line.split_once('=')?;
                (k.trim() == key).then(|| v.trim().trim_matches('"').to_owned())
            })
        };
        if field("source").is_none()
            && let Some(name) = field("name")
        {
            local.push(name.replace('-', "_"));
        }
    }
    local
}

/// The rule, with the facts it needs: where the root is, where the cargo home is, and
/// where this crate's own source is.
#[derive(Debug)]
struct Rule {
    /// The workspace's root, normalized.
    root: Option<String>,
    /// `CARGO_HOME` when set, else the default (`~/.cargo`), normalized.
    cargo_home: Option<String>,
    /// This crate's `src/` folder: absolute, and as a relative path when this crate is a
    /// member of the workspace being built (then its `Location`s are relative).
    checker_source: [String; 2],
    local_crates: Vec<String>,
}

impl Rule {
    fn new(root: Option<&str>, cargo_home: Option<&str>, local_crates: Vec<String>) -> Self {
        let default_home = || {
            let home = std::env::var("HOME")
                .or_else(|_| std::env::var("USERPROFILE"))
                .ok()?;
            Some(format!("{home}/.cargo"))
        };
        let cargo_home = cargo_home.map(str::to_owned).or_else(default_home);
        let here = Path::new(file!())
            .parent()
            .map_or(String::new(), |dir| dir.to_string_lossy().into_owned());
        Self {
            root: root.map(normalized).filter(|root| !root.is_empty()),
            cargo_home: cargo_home.as_deref().map(normalized),
            checker_source: [
                normalized(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
                normalized(&here),
            ],
            local_crates,
        }
    }

    fn is_own(&self, file: &str) -> bool {
        let path = normalized(file);
        if is_std(&path) || self.is_checker_source(&path) {
            return false;
        }
        let parts: Vec<&str> = path.split('/').collect();
        if registry_at(&parts).is_some() || git_checkout_at(&parts).is_some() {
            return false;
        }
        if is_relative(&path) {
            // cargo names a file by a path relative to the workspace's root exactly when
            // the file lies under it; under `target/` it is generated, under `vendor/`
            // vendored.
            return !path.starts_with("target/") && !path.starts_with("vendor/");
        }
        if let Some(home) = &self.cargo_home
            && under(&path, home).is_some()
        {
            return false;
        }
        match &self.root {
            Some(root) => match under(&path, root) {
                Some(rest) => !rest.starts_with("target/") && !rest.starts_with("vendor/"),
                None => false,
            },
            None => true,
        }
    }

    fn is_checker_source(&self, path: &str) -> bool {
        self.checker_source
            .iter()
            .any(|source| !source.is_empty() && under(path, source).is_some())
    }

    fn shown(&self, file: &str) -> String {
        let stripped = strip_verbatim(file);
        let Some(root) = &self.root else {
            return lexical(stripped);
        };
        match under(&normalized(stripped), root) {
            // Normalizing keeps every byte where it was, so the rest is at the same place
            // in the path as written.
            Some(rest) => lexical(&stripped[stripped.len() - rest.len()..]),
            None => lexical(stripped),
        }
    }
}

/// `path` with `/` for either separator, without Windows' `\\?\` prefix or a trailing
/// separator, and on Windows in ASCII lower case and on a drive: a path rooted without one
/// (`/work/app/src/lib.rs`, as the debug info of a build made on Linux names its files, run
/// under Wine) is on the current drive, as Windows reads it. Every byte after the prefix
/// keeps its place from the end.
fn normalized(path: &str) -> String {
    let path = strip_verbatim(path).replace('\\', "/");
    let path = path.strip_suffix('/').unwrap_or(&path).to_owned();
    if !cfg!(windows) {
        return path;
    }
    let path = path.to_ascii_lowercase();
    match current_drive() {
        Some(drive) if path.starts_with('/') && !path.starts_with("//") => drive + &path,
        _ => path,
    }
}

/// The current directory's drive, `c:`, in lower case; `None` where it has none (a UNC
/// path) or cannot be read.
fn current_drive() -> Option<String> {
    static DRIVE: OnceLock<Option<String>> = OnceLock::new();
    DRIVE
        .get_or_init(|| {
            let here = std::env::current_dir().ok()?;
            match here.components().next()? {
                Component::Prefix(prefix) => match prefix.kind() {
                    Prefix::Disk(letter) | Prefix::VerbatimDisk(letter) => {
                        Some(format!("{}:", char::from(letter).to_ascii_lowercase()))
                    }
                    _ => None,
                },
                _ => None,
            }
        })
        .clone()
}

/// `path` after its drive, if it has one (`c:/x` gives `/x`).
fn without_drive(path: &str) -> &str {
    match path.as_bytes() {
        [letter, b':', ..] if letter.is_ascii_alphabetic() => &path[2..],
        _ => path,
    }
}

/// `path` with its `.` and `..` steps taken, as a reader would: a module included with
/// `#[path = "../../x.rs"]` is named by rustc as written, `tests/t/../../x.rs`. Only the
/// text is read, not the disk: a step back over a symbolic link is taken as written too.
fn lexical(path: &str) -> String {
    let separator = if path.contains('/') || !path.contains('\\') {
        '/'
    } else {
        '\\'
    };
    if !path
        .split(['/', '\\'])
        .any(|part| part == "." || part == "..")
    {
        return path.to_owned();
    }
    let absolute = path.starts_with(['/', '\\']);
    let mut kept: Vec<&str> = Vec::new();
    for part in path.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." if kept.last().is_some_and(|last| *last != "..") => {
                kept.pop();
            }
            ".." if absolute => {}
            part => kept.push(part),
        }
    }
    let joined = kept.join(&separator.to_string());
    if absolute {
        format!("{separator}{joined}")
    } else {
        joined
    }
}

/// `path` without Windows' verbatim prefix (`\\?\`), which `canonicalize` adds.
fn strip_verbatim(path: &str) -> &str {
    path.strip_prefix(r"\\?\")
        .or_else(|| path.strip_prefix("//?/"))
        .unwrap_or(path)
}

/// What follows `dir/` in `path`, if `path` lies under `dir` (both normalized).
fn under<'a>(path: &'a str, dir: &str) -> Option<&'a str> {
    path.strip_prefix(dir)?.strip_prefix('/')
}

/// Neither `/...` nor `C:/...`.
fn is_relative(path: &str) -> bool {
    let drive = path.as_bytes().get(1..3) == Some(b":/");
    !path.starts_with('/') && !drive
}

/// The standard library: `/rustc/HASH/library/...` as its debug info names it, or a
/// toolchain's own copy of its source.
fn is_std(path: &str) -> bool {
    without_drive(path).starts_with("/rustc/") || path.contains("/rustlib/")
}

/// Where `registry/src/INDEX-HASH/PACKAGE-VERSION/` starts in a path's parts.
fn registry_at(parts: &[&str]) -> Option<usize> {
    parts
        .windows(5)
        .position(|w| w[0] == "registry" && w[1] == "src" && ends_in_hash(w[2]) && !w[3].is_empty())
}

/// Where `git/checkouts/NAME-HASH/REV/` starts in a path's parts.
fn git_checkout_at(parts: &[&str]) -> Option<usize> {
    parts.windows(5).position(|w| {
        w[0] == "git" && w[1] == "checkouts" && ends_in_hash(w[2]) && !w[3].is_empty()
    })
}

/// `index.crates.io-1949cf8c6b5b557f`: a name, a dash and 16 hex digits, as cargo names
/// the folders of what it downloads.
fn ends_in_hash(folder: &str) -> bool {
    folder.rsplit_once('-').is_some_and(|(name, hash)| {
        !name.is_empty() && hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

/// `crossbeam-channel` from `crossbeam-channel-0.5.15`.
fn package_name(folder: &str) -> &str {
    folder
        .rsplit_once('-')
        .filter(|(_, version)| version.starts_with(|c: char| c.is_ascii_digit()))
        .map_or(folder, |(name, _)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = "index.crates.io-1949cf8c6b5b557f";

    fn rule(root: &str, cargo_home: &str) -> Rule {
        Rule::new(Some(root), Some(cargo_home), vec!["my_app".to_owned()])
    }

    #[test]
    fn a_file_under_the_root_is_the_users_and_one_outside_is_not() {
        let rule = rule("/home/me/my app", "/home/me/.cargo");
        assert!(rule.is_own("/home/me/my app/src/main.rs"));
        assert!(rule.is_own("/home/me/my app/crates/core/src/lib.rs"));
        assert!(!rule.is_own("/home/me/my application/src/main.rs"));
        assert!(
            !rule.is_own("/home/me/shared-lib/src/lib.rs"),
            "a path dependency outside"
        );
        assert!(!rule.is_own("/home/me/my app/target/debug/build/x-1/out/gen.rs"));
        assert!(!rule.is_own("/home/me/my app/vendor/tokio/src/lib.rs"));
    }

    #[test]
    fn the_cargo_home_is_a_dependency_wherever_it_is() {
        for home in ["/usr/local/cargo", "/home/me/.cargo", "/opt/ci home/cargo"] {
            let rule = rule("/work/app", home);
            let file = format!("{home}/registry/src/{INDEX}/tokio-1.47.1/src/lib.rs");
            assert!(!rule.is_own(&file), "{file}");
            let git = format!("{home}/git/checkouts/tokio-3bd6e2a7b1f3c5d9/a1b2c3d/src/x.rs");
            assert!(!rule.is_own(&git), "{git}");
        }
        // A cargo home inside the root, as CI setups keep it, and one not told of.
        let rule = rule("/work/app", "/elsewhere");
        let inside = format!("/work/app/.cargo/registry/src/{INDEX}/anyhow-1.0.0/src/lib.rs");
        assert!(!rule.is_own(&inside));
        assert!(!rule.is_own("/work/app/.cargo/git/checkouts/x-0123456789abcdef/1a2b/src/y.rs"));
    }

    #[test]
    fn a_folder_named_like_cargos_is_still_the_users() {
        let rule = rule("/work/app", "/home/me/.cargo");
        assert!(rule.is_own("/work/app/registry/src/lib.rs"));
        assert!(rule.is_own("/work/app/git/checkouts/src/lib.rs"));
    }

    #[test]
    fn the_standard_library_and_this_crate_are_not_the_users() {
        let rule = rule("/", "/home/me/.cargo");
        assert!(!rule.is_own("/rustc/59807616e/library/std/src/thread/mod.rs"));
        assert!(!rule.is_own(
            "/home/me/.rustup/toolchains/stable/lib/rustlib/src/rust/library/core/src/ops.rs"
        ));
        assert!(!rule.is_own(concat!(env!("CARGO_MANIFEST_DIR"), "/src/traced.rs")));
        assert!(rule.is_own(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/traced.rs")));
    }

    #[test]
    fn windows_paths_read_with_either_separator() {
        let rule = rule(r"C:\Users\me\my app", r"C:\Users\me\.cargo");
        assert!(rule.is_own(r"C:\Users\me\my app\src\main.rs"));
        assert!(rule.is_own("C:/Users/me/my app/src/main.rs"));
        assert!(rule.is_own(r"\\?\C:\Users\me\my app\src\main.rs"));
        let registry = format!(r"C:\Users\me\.cargo\registry\src\{INDEX}\tokio-1.47.1\src\lib.rs");
        assert!(!rule.is_own(&registry));
        assert!(!rule.is_own(r"/rustc/59807616e\library\std\src\thread\mod.rs"));
        assert_eq!(
            rule.shown(r"C:\Users\me\my app\src\main.rs"),
            r"src\main.rs"
        );
        assert_eq!(rule.shown(r"D:\other\lib.rs"), r"D:\other\lib.rs");
    }

    #[cfg(windows)]
    #[test]
    fn on_windows_a_path_without_a_drive_is_on_the_current_drive() {
        // A build made on Linux and run under Wine: its debug info names `/work/app/...`,
        // and the root found from the program's path is `Z:\work\app`.
        let drive = current_drive().expect("the current folder is on a drive");
        let rule = rule(&format!(r"{drive}\work\app"), r"C:\Users\me\.cargo");
        assert!(rule.is_own("/work/app/src/main.rs"));
        assert_eq!(rule.shown("/work/app/src/main.rs"), "src/main.rs");
        assert!(!rule.is_own("/work/app/target/debug/build/x-1/out/gen.rs"));
        assert!(!rule.is_own("/rustc/59807616e/library/std/src/thread/mod.rs"));
        assert!(!rule.is_own("/work/other/src/lib.rs"));
    }

    #[test]
    fn a_relative_path_is_under_the_root_as_cargo_gives_it() {
        let rule = rule("/work/app", "/home/me/.cargo");
        assert!(rule.is_own("leaky/src/blocked_send/threads.rs"));
        assert!(!rule.is_own("target/debug/build/x-1/out/gen.rs"));
        let no_root = Rule::new(None, Some("/home/me/.cargo"), Vec::new());
        assert!(no_root.is_own("src/main.rs"));
        assert!(no_root.is_own("/anywhere/src/main.rs"));
        assert!(!no_root.is_own(&format!(
            "/home/me/.cargo/registry/src/{INDEX}/a-1.0.0/src/x.rs"
        )));
    }

    #[test]
    fn a_path_is_shown_from_the_root_and_as_it_is_outside() {
        let rule = rule("/tmp/with space/app/", "/home/me/.cargo");
        assert_eq!(rule.shown("/tmp/with space/app/src/lib.rs"), "src/lib.rs");
        assert_eq!(
            rule.shown("/tmp/with space/other/lib.rs"),
            "/tmp/with space/other/lib.rs"
        );
        assert_eq!(rule.shown("src/lib.rs"), "src/lib.rs");
    }

    #[test]
    fn a_path_through_a_parent_folder_is_shown_with_its_steps_taken() {
        let rule = rule("/tmp/app", "/home/me/.cargo");
        assert_eq!(
            rule.shown("leaky/tests/t/../../capstone/server.rs"),
            "leaky/capstone/server.rs"
        );
        assert_eq!(rule.shown("/tmp/app/a/./b/../c.rs"), "a/c.rs");
        assert_eq!(rule.shown("/tmp/other/../lib.rs"), "/tmp/lib.rs");
        assert_eq!(rule.shown(r"a\b\..\c.rs"), r"a\c.rs");
        assert_eq!(rule.shown("../outside.rs"), "../outside.rs");
    }

    #[test]
    fn a_lock_files_own_packages_are_those_without_a_source() {
        let lock = r#"
version = 4

[[package]]
name = "my-app"
version = "0.1.0"
dependencies = ["tokio"]

[[package]]
name = "tokio"
version = "1.47.1"
source = "registry+https://github.com/rust-lang/crates.io-index"
checksum = "00"
"#;
        assert_eq!(local_packages(lock), ["my_app"]);
    }

    #[test]
    fn a_downloaded_package_is_named_by_its_folder() {
        assert_eq!(
            package_name("crossbeam-channel-0.5.15"),
            "crossbeam-channel"
        );
        assert_eq!(package_name("vendored"), "vendored");
        let file =
            format!("/usr/local/cargo/registry/src/{INDEX}/crossbeam-channel-0.5.15/src/a.rs");
        assert_eq!(
            package_of(Path::new(&file)).as_deref(),
            Some("crossbeam-channel")
        );
    }
}
