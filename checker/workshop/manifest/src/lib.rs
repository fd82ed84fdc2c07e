//! The one list of the workshop's patterns, `leaky/patterns.toml`, read into types.
//!
//! Everything else that names every pattern comes from here: the registries the demos run
//! are written from it by the build scripts of `leaky` and `fixed` ([`registry`]); the
//! lists in the book, the READMEs and `leaky/Cargo.toml` are written from it between
//! marker comments by `cargo run -p workshop-manifest --bin lists` ([`lists`]), and a test
//! fails, naming the stale list, when they are not what it would write; the rest (each
//! pattern's files, its tests' among them) is checked against it by the `workshop`
//! crate's `manifest` module.
//!
//! It is a crate of its own, small (serde and toml), so that a build script can read the
//! manifest without building the whole workshop.

use serde::{Deserialize, Serialize};

pub mod lists;
pub mod registry;

/// The manifest's text, as built into this crate.
pub const MANIFEST: &str = include_str!("../../../../leaky/patterns.toml");

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
    /// A line the leaky demo prints beside the thread flavour's leak, where its count
    /// needs saying why.
    #[serde(default)]
    pub threads_note: Option<String>,
    /// The same for the task flavour.
    #[serde(default)]
    pub tasks_note: Option<String>,
    /// What `fixed --list` says of the default fix, which goes by the pattern's name.
    pub fix: String,
    /// The fixes besides the default one.
    pub fixes: Vec<Fix>,
    /// Its rows in the book's tables.
    pub book: Book,
    /// Its timeline in the book: who waits, works, blocks or loops, when.
    pub timeline: Timeline,
}

/// A pattern's timeline, at the story's scale (a 1 s deadline, a 10 s check): the
/// `figures` binary draws it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timeline {
    /// The picture's title.
    pub title: String,
    /// When the caller gives up, in seconds; none for a caller with no deadline.
    #[serde(default)]
    pub deadline: Option<f64>,
    /// One row each: the caller, its workers.
    pub lanes: Vec<Lane>,
}

/// One lane of a timeline: who (`caller`, `worker`) and what it does when.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lane {
    /// Whose lane this is.
    pub label: String,
    /// What it does, in order, each `[from, to, span, text]`.
    pub segments: Vec<Segment>,
}

/// A stretch of a lane, written `[from, to, span, text]` in the manifest.
#[derive(Debug, Clone, Deserialize)]
#[serde(from = "(f64, f64, Span, String)")]
pub struct Segment {
    /// When it starts, in seconds.
    pub from: f64,
    /// When it ends; the timeline's right edge means "and on, forever".
    pub to: f64,
    /// What kind of stretch it is: its colour.
    pub span: Span,
    /// What it says.
    pub text: String,
}

impl From<(f64, f64, Span, String)> for Segment {
    fn from((from, to, span, text): (f64, f64, Span, String)) -> Self {
        Segment {
            from,
            to,
            span,
            text,
        }
    }
}

/// The kinds of stretch in a timeline, each drawn in its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Span {
    /// Waiting under a deadline.
    Wait,
    /// Working: a check.
    Work,
    /// Blocked, for good.
    Stuck,
    /// Looping, for good.
    Loop,
    /// A short step that ends well.
    Done,
    /// A wrong result.
    Wrong,
}

/// A fix besides a pattern's default one: `fixed/src/MODULE/FIX/`, and `PATTERN-FIX` in
/// the fixed demo.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fix {
    /// Its name: `drop-aware`.
    pub name: String,
    /// What `fixed --list` says of it.
    pub summary: String,
}

/// A pattern's cells in the book's tables: the patterns page and the cheat sheet.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Book {
    /// The patterns page: what leaks or goes wrong.
    pub leaks: String,
    /// The cheat sheet: the symptom.
    pub symptom: String,
    /// The cheat sheet: how to see it.
    pub how_to_see: String,
    /// The cheat sheet: the fix, in brief.
    pub remedy: String,
}

/// A flavour of a pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
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

    /// Its name as a title: `Blocked send`.
    pub fn title(&self) -> String {
        let words = self.words();
        let mut chars = words.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => words,
        }
    }

    /// Its chapter, from the book's `src`: `patterns/blocked-send.md`.
    pub fn chapter(&self) -> String {
        format!("patterns/{}.md", self.name)
    }

    /// Whether it comes in `flavour`.
    pub fn has(&self, flavour: Flavour) -> bool {
        self.flavours.contains(&flavour)
    }
}

impl Fix {
    /// The module it lives in, inside its pattern's: `drop_aware`.
    pub fn module(&self) -> String {
        self.name.replace('-', "_")
    }
}

/// Reads a manifest's text.
pub fn parse(text: &str) -> Result<Vec<Entry>, toml::de::Error> {
    toml::from_str::<Manifest>(text).map(|manifest| manifest.pattern)
}

/// Every pattern, in the manifest's order. Panics with the parser's message if the
/// manifest does not read: every build and test that uses it says so.
pub fn patterns() -> Vec<Entry> {
    match parse(MANIFEST) {
        Ok(patterns) => patterns,
        Err(e) => panic!("leaky/patterns.toml does not read: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_manifest_reads_with_each_pattern_named_once_in_some_flavour() {
        let patterns = patterns();
        let mut names: Vec<&str> = patterns.iter().map(|p| p.name.as_str()).collect();
        assert!(!names.is_empty());
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), patterns.len(), "a name appears twice");
        assert!(patterns.iter().all(|p| !p.flavours.is_empty()));
    }

    #[test]
    fn a_title_is_the_name_in_words_capitalised() {
        let entry = &patterns()[0];
        assert_eq!(entry.title(), "Blocked send");
    }
}
