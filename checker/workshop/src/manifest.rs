//! The one list of the patterns, `leaky/patterns.toml`, read into types: what every other
//! list of patterns (registries, test modules, exercises, the book, the README) is checked
//! against.

use serde::Deserialize;

/// The manifest's text, as built into this crate.
const MANIFEST: &str = include_str!("../../../leaky/patterns.toml");

/// One pattern of the workshop, as the manifest gives it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The demo's `--pattern NAME`, and the chapter's file name: `blocked-send`.
    pub name: String,
    /// What `leaky --list` says of it.
    pub summary: String,
    /// The flavours it comes in.
    pub flavours: Vec<Flavour>,
    /// The readiness check its demo runs.
    pub service: Service,
    /// The chapter's minutes, and its exercise's.
    pub minutes: Minutes,
    /// The fixes besides the default one, by name: `drop-aware`.
    pub fixes: Vec<String>,
}

/// A flavour of a pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Flavour {
    /// `std::thread` and crossbeam channels.
    Threads,
    /// tokio tasks and `async-channel`.
    Tasks,
}

impl Flavour {
    /// Its name in file names and commands: `threads`, `tasks`.
    pub fn name(self) -> &'static str {
        match self {
            Flavour::Threads => "threads",
            Flavour::Tasks => "tasks",
        }
    }
}

/// The service a pattern's demo waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Service {
    /// Its check passes once the check's time is up.
    ComesUp,
    /// Its check never passes: the real code's second leak needs it.
    NeverComesUp,
}

/// How long a pattern's chapter takes in a session, and its exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Minutes {
    /// The chapter, on the projector.
    pub chapter: u32,
    /// One flavour of its exercise, at the keyboard.
    pub exercise: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    pattern: Vec<Entry>,
}

impl Entry {
    /// The Rust module it lives in: the name with underscores (`blocked_send`).
    pub fn module(&self) -> String {
        self.name.replace('-', "_")
    }

    /// Its name in prose: the name with spaces (`blocked send`).
    pub fn words(&self) -> String {
        self.name.replace('-', " ")
    }

    /// Whether it comes in `flavour`.
    pub fn has(&self, flavour: Flavour) -> bool {
        self.flavours.contains(&flavour)
    }
}

/// Every pattern, in the manifest's order. Panics with the parser's message if the
/// manifest does not read: every test that uses it says so.
pub fn patterns() -> Vec<Entry> {
    match toml::from_str::<Manifest>(MANIFEST) {
        Ok(manifest) => manifest.pattern,
        Err(e) => panic!("leaky/patterns.toml does not read: {e}"),
    }
}

/// What in the `leaky` crate does not agree with the manifest, one line each: its
/// registry (`patterns`), its tests' `mod` lines (`tests_main`, the text of
/// `tests/patterns/main.rs`), its exercises' `[[test]]` entries (`cargo_toml`) and the
/// files of each pattern, its exercises and their README (found under `crate_dir`).
pub fn disagreements_in_leaky(
    registry: &[crate::Pattern],
    tests_main: &str,
    cargo_toml: &str,
    crate_dir: &str,
) -> Vec<String> {
    let manifest = patterns();
    let mut wrong = Vec::new();
    let names: Vec<&str> = registry.iter().map(|p| p.name).collect();
    let expected: Vec<&str> = manifest.iter().map(|p| p.name.as_str()).collect();
    if names != expected {
        wrong.push(format!(
            "leaky::patterns() lists {names:?}; the manifest, in its order: {expected:?}"
        ));
    }
    for entry in &manifest {
        let module = entry.module();
        if let Some(pattern) = registry.iter().find(|p| p.name == entry.name) {
            if pattern.module != module {
                wrong.push(format!(
                    "{}: registered from module {}",
                    entry.name, pattern.module
                ));
            }
            if pattern.summary != entry.summary {
                wrong.push(format!(
                    "{}: the registry's summary is not the manifest's",
                    entry.name
                ));
            }
            if pattern.service != entry.service {
                wrong.push(format!(
                    "{}: the registry's service is not the manifest's",
                    entry.name
                ));
            }
            if pattern.threads.is_some() != entry.has(Flavour::Threads)
                || pattern.tasks.is_some() != entry.has(Flavour::Tasks)
            {
                wrong.push(format!(
                    "{}: the registry's flavours are not the manifest's",
                    entry.name
                ));
            }
        }
        if !mod_lines(tests_main).contains(&module) {
            wrong.push(format!("tests/patterns/main.rs has no `mod {module};`"));
        }
        let mut files = vec![
            format!("src/{module}/mod.rs"),
            format!("tests/patterns/{module}.rs"),
            format!("exercises/{module}/hints.md"),
        ];
        for flavour in &entry.flavours {
            let flavour = flavour.name();
            files.push(format!("src/{module}/{flavour}.rs"));
            files.push(format!("exercises/{module}/{flavour}.rs"));
            files.push(format!("exercises/{module}/check_{flavour}.rs"));
        }
        for file in files {
            if !std::path::Path::new(crate_dir).join(&file).exists() {
                wrong.push(format!("{}: no leaky/{file}", entry.name));
            }
        }
    }
    wrong.extend(exercise_disagreements(&manifest, cargo_toml, crate_dir));
    wrong
}

/// The exercises' `[[test]]` entries and README rows against the manifest.
fn exercise_disagreements(manifest: &[Entry], cargo_toml: &str, crate_dir: &str) -> Vec<String> {
    #[derive(Deserialize)]
    struct Target {
        name: String,
        path: String,
        test: Option<bool>,
    }
    #[derive(Deserialize)]
    struct CargoToml {
        #[serde(default)]
        test: Vec<Target>,
    }
    let mut wrong = Vec::new();
    let targets = match toml::from_str::<CargoToml>(cargo_toml) {
        Ok(toml) => toml.test,
        Err(e) => return vec![format!("leaky/Cargo.toml does not read: {e}")],
    };
    let readme =
        std::fs::read_to_string(std::path::Path::new(crate_dir).join("exercises/README.md"))
            .unwrap_or_default();
    let mut expected = Vec::new();
    for entry in manifest {
        let module = entry.module();
        for flavour in &entry.flavours {
            let flavour = flavour.name();
            let name = format!("{module}_{flavour}");
            let path = format!("exercises/{module}/check_{flavour}.rs");
            match targets.iter().find(|t| t.name == name) {
                None => wrong.push(format!("leaky/Cargo.toml has no [[test]] named {name}")),
                Some(target) if target.path != path || target.test != Some(false) => {
                    wrong.push(format!(
                        "leaky/Cargo.toml's [[test]] {name} wants path = \"{path}\", test = false"
                    ))
                }
                Some(_) => {}
            }
            let command = format!("`cargo test -p leaky --test {name}`");
            if !readme.contains(&command) {
                wrong.push(format!(
                    "leaky/exercises/README.md has no row for {command}"
                ));
            }
            expected.push(name);
        }
    }
    // The exercises' targets; others (the capstone's) are not patterns'.
    for target in targets.iter().filter(|t| t.path.starts_with("exercises/")) {
        if !expected.contains(&target.name) {
            wrong.push(format!(
                "leaky/Cargo.toml has a [[test]] {} for no pattern",
                target.name
            ));
        }
    }
    wrong
}

/// What in the `fixed` crate does not agree with the manifest: its registry (each
/// pattern's default fix under its own name, then `NAME-FIX` for each other fix), each
/// fix's files, and its tests (`tests_main`, and a `workshop::contract!` for every fix and
/// flavour in each pattern's test file under `crate_dir`).
pub fn disagreements_in_fixed(
    registry: &[crate::Pattern],
    tests_main: &str,
    crate_dir: &str,
) -> Vec<String> {
    let manifest = patterns();
    let mut wrong = Vec::new();
    let names: Vec<&str> = registry.iter().map(|p| p.name).collect();
    let expected: Vec<String> = manifest
        .iter()
        .flat_map(|p| {
            std::iter::once(p.name.clone()).chain(p.fixes.iter().map(|f| format!("{}-{f}", p.name)))
        })
        .collect();
    if names != expected {
        wrong.push(format!(
            "fixed::patterns() lists {names:?}; the manifest: {expected:?}"
        ));
    }
    let dir = std::path::Path::new(crate_dir);
    for entry in &manifest {
        let module = entry.module();
        if !mod_lines(tests_main).contains(&module) {
            wrong.push(format!(
                "fixed/tests/patterns/main.rs has no `mod {module};`"
            ));
        }
        // With its white space folded: a long call is wrapped over lines.
        let tests = std::fs::read_to_string(dir.join(format!("tests/patterns/{module}.rs")))
            .unwrap_or_default()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace("( ", "(");
        let folders =
            std::iter::once(String::new()).chain(entry.fixes.iter().map(|f| f.replace('-', "_")));
        for folder in folders {
            let path = if folder.is_empty() {
                module.clone()
            } else {
                format!("{module}::{folder}")
            };
            for flavour in &entry.flavours {
                let file = format!("src/{}/{}.rs", path.replace("::", "/"), flavour.name());
                if !dir.join(&file).exists() {
                    wrong.push(format!("{}: no fixed/{file}", entry.name));
                }
                // A task flavour may run its checks on the blocking pool: `blocking`.
                let kinds: &[&str] = match flavour {
                    Flavour::Threads => &["threads"],
                    Flavour::Tasks => &["tasks", "blocking"],
                };
                let target = format!("fixed::{path}::{}", flavour.name());
                let checked = kinds
                    .iter()
                    .any(|kind| tests.contains(&format!("workshop::contract!({kind}, {target}")));
                if !checked {
                    wrong.push(format!(
                        "fixed/tests/patterns/{module}.rs has no `workshop::contract!(..., {target}, ...)`"
                    ));
                }
            }
        }
    }
    wrong
}

/// The names of the `mod NAME;` lines of a Rust file.
fn mod_lines(source: &str) -> Vec<String> {
    source
        .lines()
        .filter_map(|line| line.trim().strip_prefix("mod "))
        .filter_map(|rest| rest.strip_suffix(';'))
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_manifest_reads_with_nine_patterns_each_named_once() {
        let patterns = patterns();
        let mut names: Vec<&str> = patterns.iter().map(|p| p.name.as_str()).collect();
        assert!(!names.is_empty());
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), patterns.len(), "a name appears twice");
        assert!(patterns.iter().all(|p| !p.flavours.is_empty()));
    }
}
