//! The registries the demo binaries run, written from the manifest as Rust source: the
//! build scripts of `leaky` and `fixed` write it into their `OUT_DIR`, and each crate's
//! `lib.rs` includes it. The one thing Rust will not let a build script write is the
//! `pub mod NAME;` line that makes a pattern's folder a module: a missing one is a
//! `compile_error!` here that names the line to add.

use std::fmt::Write as _;

use crate::{Entry, Flavour, Service};

/// The source of `leaky::patterns()`: one entry per pattern, from its own module.
/// `lib_rs` is the text of the crate's `src/lib.rs`, where the `pub mod` lines are.
pub fn leaky(patterns: &[Entry], lib_rs: &str) -> String {
    let mut out = header("The patterns the demo binary can run, as `--list` shows them.");
    for entry in patterns {
        out += &item(&Item {
            name: &entry.name,
            module: entry.module(),
            summary: &entry.summary,
            entry,
            threads_note: entry.threads_note.as_deref(),
            tasks_note: entry.tasks_note.as_deref(),
        });
    }
    out + &footer("leaky", patterns, lib_rs)
}

/// The source of `fixed::patterns()`: each pattern's default fix under the pattern's own
/// name, from its module, then each other fix as `PATTERN-FIX`, from `MODULE::FIX`.
pub fn fixed(patterns: &[Entry], lib_rs: &str) -> String {
    let mut out = header(
        "The fixes the demo binary can run, as `--list` shows them: each pattern's default\n\
         /// fix under the pattern's own name, and the other fixes beside it.",
    );
    for entry in patterns {
        out += &item(&Item {
            name: &entry.name,
            module: entry.module(),
            summary: &entry.fix,
            entry,
            threads_note: None,
            tasks_note: None,
        });
        for fix in &entry.fixes {
            out += &item(&Item {
                name: &format!("{}-{}", entry.name, fix.name),
                module: format!("{}::{}", entry.module(), fix.module()),
                summary: &fix.summary,
                entry,
                threads_note: None,
                tasks_note: None,
            });
        }
    }
    out + &footer("fixed", patterns, lib_rs)
}

fn header(doc: &str) -> String {
    format!(
        "// Written by the build script from leaky/patterns.toml (workshop_manifest::registry): \
         edit the manifest, not this.\n\n\
         /// {doc}\n\
         pub fn patterns() -> Vec<workshop::Pattern> {{\n    vec![\n"
    )
}

/// The end of the function, then a `compile_error!` for each pattern whose module the
/// crate does not declare: without it, the error would be a path that does not resolve.
fn footer(krate: &str, patterns: &[Entry], lib_rs: &str) -> String {
    let mut out = String::from("    ]\n}\n");
    let declared: Vec<&str> = lib_rs
        .lines()
        .filter_map(|line| line.trim().strip_prefix("pub mod "))
        .filter_map(|rest| rest.strip_suffix(';'))
        .collect();
    for entry in patterns {
        let module = entry.module();
        if !declared.contains(&module.as_str()) {
            let _ = writeln!(
                out,
                "compile_error!({:?});",
                format!(
                    "{krate}/src/lib.rs has no `pub mod {module};`: leaky/patterns.toml names \
                     the pattern {}, and Rust needs that line to find {krate}/src/{module}/",
                    entry.name
                )
            );
        }
    }
    out
}

struct Item<'a> {
    name: &'a str,
    module: String,
    summary: &'a str,
    entry: &'a Entry,
    threads_note: Option<&'a str>,
    tasks_note: Option<&'a str>,
}

/// One `workshop::Pattern`: each flavour's caller builds the module's `Watcher` with the
/// probe the pattern's service asks for, and calls its `wait_ready`.
fn item(item: &Item<'_>) -> String {
    let Item {
        name,
        module,
        summary,
        entry,
        threads_note,
        tasks_note,
    } = item;
    let service = match entry.service {
        Service::ComesUp => "workshop::Service::ComesUp",
        Service::NeverComesUp => "workshop::Service::NeverComesUp",
    };
    let probe = format!("workshop::Probe::for_service({service}, scenario.verify_takes)");
    let threads = if entry.has(Flavour::Threads) {
        format!(
            "Some(|scenario| {{
                let probe = {probe};
                let watcher = crate::{module}::threads::Watcher::new(probe, scenario.tick);
                let timeout = scenario.timeout;
                Box::new(move || watcher.wait_ready(timeout))
            }})"
        )
    } else {
        "None".to_owned()
    };
    // The demo holds the caller; each call borrows the one watcher it keeps.
    let tasks = if entry.has(Flavour::Tasks) {
        format!(
            "Some(|scenario| {{
                let probe = {probe};
                let watcher = std::rc::Rc::new(
                    crate::{module}::tasks::Watcher::new(probe, scenario.tick),
                );
                let timeout = scenario.timeout;
                Box::new(move || {{
                    let watcher = std::rc::Rc::clone(&watcher);
                    Box::pin(async move {{ watcher.wait_ready(timeout).await }})
                }})
            }})"
        )
    } else {
        "None".to_owned()
    };
    format!(
        "        workshop::Pattern {{
            name: {name:?},
            module: {module:?},
            summary: {summary:?},
            service: {service},
            threads: {threads},
            tasks: {tasks},
            threads_note: {threads_note:?},
            tasks_note: {tasks_note:?},
        }},
"
    )
}
