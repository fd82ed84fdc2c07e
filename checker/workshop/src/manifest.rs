//! The one list of the patterns, `leaky/patterns.toml`, read into types (by the
//! `workshop-manifest` crate, re-exported here), and what the `leaky` and `fixed` crates
//! write by hand checked against it: each pattern's own files, and its tests' `mod` lines.
//! Their registries and the lists outside Rust are written from it, not checked.

pub use workshop_manifest::{Book, Entry, Fix, Flavour, Minutes, Service, patterns};

/// What in the `leaky` crate does not agree with the manifest, one line each: its tests'
/// `mod` lines (`tests_main`, the text of `tests/patterns/main.rs`), and the files of each
/// pattern and its exercises (found under `crate_dir`).
pub fn disagreements_in_leaky(tests_main: &str, crate_dir: &str) -> Vec<String> {
    let manifest = patterns();
    let mut wrong = Vec::new();
    for entry in &manifest {
        let module = entry.module();
        if !mod_lines(tests_main).contains(&module) {
            wrong.push(format!(
                "leaky/tests/patterns/main.rs has no `mod {module};`"
            ));
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
    wrong
}

/// What in the `fixed` crate does not agree with the manifest: each fix's files, and its
/// tests (`tests_main`, and a `workshop::contract!` for every fix and flavour in each
/// pattern's test file under `crate_dir`).
pub fn disagreements_in_fixed(tests_main: &str, crate_dir: &str) -> Vec<String> {
    let manifest = patterns();
    let mut wrong = Vec::new();
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
        let folders = std::iter::once(String::new()).chain(entry.fixes.iter().map(|f| f.module()));
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
