//! The one list of the patterns, `leaky/patterns.toml`, read into types (by the
//! `workshop-manifest` crate, re-exported here), and what the `leaky` and `fixed` crates
//! write by hand checked against it: each pattern's own files, its tests among them.
//! Their registries and the lists outside Rust are written from it, not checked.

pub use workshop_manifest::{Book, Entry, Fix, Flavour, Minutes, Service, patterns};

/// What in the `leaky` crate (found under `crate_dir`) does not agree with the manifest,
/// one line each: the files of each pattern, its exercises and its tests, and a test file
/// of no pattern.
pub fn disagreements_in_leaky(crate_dir: &str) -> Vec<String> {
    let manifest = patterns();
    let mut wrong = strangers("leaky", crate_dir, &manifest);
    for entry in &manifest {
        let module = entry.module();
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

/// What in the `fixed` crate (found under `crate_dir`) does not agree with the manifest:
/// each fix's files, its tests (a `workshop::contract!` for every fix and flavour in each
/// pattern's test file), and a test file of no pattern.
pub fn disagreements_in_fixed(crate_dir: &str) -> Vec<String> {
    let manifest = patterns();
    let mut wrong = strangers("fixed", crate_dir, &manifest);
    let dir = std::path::Path::new(crate_dir);
    for entry in &manifest {
        let module = entry.module();
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

/// The files of `tests/patterns/` (each a module of its test binary, by `automod`) that
/// are no pattern's: a pattern dropped from the manifest leaves its tests behind.
fn strangers(krate: &str, crate_dir: &str, manifest: &[Entry]) -> Vec<String> {
    let dir = std::path::Path::new(crate_dir).join("tests/patterns");
    let Ok(files) = std::fs::read_dir(&dir) else {
        return vec![format!("{krate}/tests/patterns/ cannot be read")];
    };
    let mut wrong: Vec<String> = files
        .filter_map(|file| file.ok()?.file_name().into_string().ok())
        .filter_map(|name| name.strip_suffix(".rs").map(str::to_owned))
        .filter(|module| module != "main" && !manifest.iter().any(|e| &e.module() == module))
        .map(|module| {
            format!(
                "{krate}/tests/patterns/{module}.rs: {module} is no pattern of \
                 leaky/patterns.toml (add its entry, or remove the file)"
            )
        })
        .collect();
    wrong.sort();
    wrong
}
