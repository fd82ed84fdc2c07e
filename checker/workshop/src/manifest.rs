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
