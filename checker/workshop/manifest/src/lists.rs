//! The lists of the patterns, written from the manifest between marker comments: the
//! README's, the book's (summary, patterns table, cheat sheet, the half-day plan), the
//! exercises' README, their `[[test]]` entries in `leaky/Cargo.toml`, and the cases of the
//! wrong-fix proof (`leaky/tests/wrong_fixes/main.rs`: each exercise's wrong fixes, right
//! fixes and solutions, as the folders hold them).
//!
//! `cargo run -p workshop-manifest --bin lists` rewrites them; `tests/lists.rs` fails,
//! naming each stale list and that command, when one is not what it would write. Only
//! what lies between a list's two markers is written: the prose around it is the
//! author's.

use std::fmt::Write as _;

use crate::{Entry, Flavour};

/// The command that rewrites every list, as the stale check names it.
pub const COMMAND: &str = "cargo run -p workshop-manifest --bin lists";

/// How a file writes a comment: where a list's markers go.
#[derive(Debug, Clone, Copy)]
pub enum Syntax {
    /// `<!-- ... -->`: Markdown.
    Markdown,
    /// `# ...`: TOML.
    Toml,
    /// `// ...`: Rust.
    Rust,
}

/// One list: a region of a file, between its two markers, and what writes it.
pub struct List {
    /// The file, from the workspace's root.
    pub file: &'static str,
    /// The region's name, in its markers.
    pub region: &'static str,
    /// How its markers are written.
    pub syntax: Syntax,
    /// Writes the region's lines from the patterns and what the region holds now.
    render: fn(&[Entry], &str) -> String,
}

/// Every list of the patterns that is written from the manifest.
pub fn lists() -> Vec<List> {
    use Syntax::*;
    let list = |file, region, syntax, render| List {
        file,
        region,
        syntax,
        render,
    };
    vec![
        list("README.md", "patterns", Markdown, readme),
        list("docs/src/SUMMARY.md", "chapters", Markdown, summary),
        list("docs/src/patterns.md", "table", Markdown, patterns_table),
        list("docs/src/cheat-sheet.md", "table", Markdown, cheat_sheet),
        list(
            "docs/src/instructor-notes.md",
            "half-day",
            Markdown,
            half_day,
        ),
        list("leaky/exercises/README.md", "table", Markdown, exercises),
        list("leaky/Cargo.toml", "exercises", Toml, test_targets),
        list(
            "leaky/tests/wrong_fixes/main.rs",
            "cases",
            Rust,
            wrong_fix_cases,
        ),
    ]
}

impl List {
    /// The line that opens the region.
    pub fn begin(&self) -> String {
        let text = format!(
            "BEGIN GENERATED {}: written from leaky/patterns.toml by `{COMMAND}`",
            self.region
        );
        match self.syntax {
            Syntax::Markdown => format!("<!-- {text} -->"),
            Syntax::Toml => format!("# {text}"),
            Syntax::Rust => format!("// {text}"),
        }
    }

    /// The line that closes it.
    pub fn end(&self) -> String {
        let text = format!("END GENERATED {}", self.region);
        match self.syntax {
            Syntax::Markdown => format!("<!-- {text} -->"),
            Syntax::Toml => format!("# {text}"),
            Syntax::Rust => format!("// {text}"),
        }
    }

    /// The file's text with the region written from `patterns`; an error names a marker
    /// the file lacks.
    pub fn rewrite(&self, text: &str, patterns: &[Entry]) -> Result<String, String> {
        let (begin, end) = (self.begin(), self.end());
        let missing = |marker: &str| format!("{} has no line `{marker}`", self.file);
        let open = text.find(&begin).ok_or_else(|| missing(&begin))?;
        let inner = open + begin.len() + 1;
        let close = text[inner.min(text.len())..]
            .find(&end)
            .map(|at| inner + at)
            .ok_or_else(|| missing(&end))?;
        // From the start of the end marker's line: its indentation is kept.
        let close = text[..close].rfind('\n').map_or(0, |n| n + 1).max(inner);
        let written = (self.render)(patterns, &text[inner..close]);
        Ok(format!("{}{written}{}", &text[..inner], &text[close..]))
    }
}

fn readme(patterns: &[Entry], _: &str) -> String {
    let mut out = String::new();
    for entry in patterns {
        let _ = writeln!(out, "- {}: {}", entry.words(), entry.summary);
    }
    out
}

fn summary(patterns: &[Entry], _: &str) -> String {
    let mut out = String::new();
    for entry in patterns {
        let _ = writeln!(out, "  - [{}]({})", entry.title(), entry.chapter());
    }
    out
}

fn flavours(entry: &Entry) -> String {
    let names: Vec<&str> = entry.flavours.iter().map(|f| f.name()).collect();
    names.join(", ")
}

fn patterns_table(patterns: &[Entry], _: &str) -> String {
    let mut out =
        String::from("| pattern | what leaks or goes wrong | flavours |\n| --- | --- | --- |\n");
    for entry in patterns {
        let _ = writeln!(
            out,
            "| [{}]({}) | {} | {} |",
            entry.title(),
            entry.chapter(),
            entry.book.leaks,
            flavours(entry)
        );
    }
    out
}

fn cheat_sheet(patterns: &[Entry], _: &str) -> String {
    let mut out = String::from(
        "| shape | the symptom | how to see it | the fix |\n| --- | --- | --- | --- |\n",
    );
    for entry in patterns {
        let book = &entry.book;
        let _ = writeln!(
            out,
            "| [{}]({}) | {} | {} | {} |",
            entry.words(),
            entry.chapter(),
            book.symptom,
            book.how_to_see,
            book.remedy
        );
    }
    out
}

fn exercises(patterns: &[Entry], _: &str) -> String {
    let mut out = String::from(
        "| exercise | the file to fix | the command that says when it is fixed |\n\
         | --- | --- | --- |\n",
    );
    for entry in patterns {
        let module = entry.module();
        for flavour in &entry.flavours {
            let flavour = flavour.name();
            let _ = writeln!(
                out,
                "| {}, {flavour} | `leaky/exercises/{module}/{flavour}.rs` | \
                 `cargo test -p leaky --test {module}_{flavour}` |",
                entry.words()
            );
        }
    }
    out
}

fn test_targets(patterns: &[Entry], _: &str) -> String {
    let mut out = String::new();
    for entry in patterns {
        let module = entry.module();
        for flavour in [Flavour::Threads, Flavour::Tasks] {
            if !entry.has(flavour) {
                continue;
            }
            let flavour = flavour.name();
            let _ = write!(
                out,
                "[[test]]\nname = \"{module}_{flavour}\"\n\
                 path = \"exercises/{module}/check_{flavour}.rs\"\ntest = false\n\n"
            );
        }
    }
    out
}

/// The workspace's root, where the folders the wrong-fix cases are found in lie.
fn root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../..")
}

/// The names of the folders under `dir` that hold a file `file`, sorted.
fn folders_with(dir: &std::path::Path, file: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|entry| entry.path().join(file).is_file())
        .filter_map(|entry| entry.file_name().into_string().ok())
        .collect();
    names.sort();
    names
}

/// The contract flavour an exercise's check runs (`threads`, `tasks`, `blocking`): the
/// first word of its `workshop::contract!` call.
fn contract_flavour(module: &str, flavour: &str) -> String {
    let check = root().join(format!("leaky/exercises/{module}/check_{flavour}.rs"));
    std::fs::read_to_string(check)
        .ok()
        .and_then(|text| {
            let after = text.split("workshop::contract!(").nth(1)?;
            let word = after
                .trim_start()
                .split(|c: char| !c.is_alphanumeric() && c != '_');
            word.into_iter().next().map(str::to_owned)
        })
        .unwrap_or_else(|| flavour.to_owned())
}

/// The cases of the wrong-fix proof: for each exercise, the module as shipped, every
/// solution in `fixed/`, every right fix written differently (`right/`) and every wrong
/// fix (`wrong/`), each compiled as a module of the one test target and listed in `CASES`.
/// Skipped by rustfmt: this function is what lays it out.
fn wrong_fix_cases(patterns: &[Entry], _: &str) -> String {
    let root = root();
    let mut modules = String::new();
    let mut cases = String::new();
    for entry in patterns {
        let module = entry.module();
        // The module's files are found from its exercise's folder.
        let _ = write!(
            modules,
            "#[rustfmt::skip]\n#[allow(unreachable_pub)]\n#[path = \"../../exercises/{module}\"]\nmod {module} {{\n    \
             #[allow(unused_imports)]\n    use leaky::{module}::*;\n"
        );
        for flavour in &entry.flavours {
            let flavour = flavour.name();
            let file_name = format!("{flavour}.rs");
            let contract = contract_flavour(&module, flavour);
            let mut case = |name: String, kind: &str, file: String, path: String| {
                let item = format!("{kind}_{}_{flavour}", name.replace('-', "_"));
                let module_path = match path.is_empty() {
                    true => format!("leaky::{module}::{flavour}"),
                    false => {
                        let _ = write!(
                            modules,
                            "    #[path = \"{path}\"]\n    pub(crate) mod {item};\n"
                        );
                        format!("{module}::{item}")
                    }
                };
                let kind_name = match kind {
                    "shipped" => "Shipped",
                    "solution" => "Solution",
                    "right" => "Right",
                    _ => "Wrong",
                };
                let case_name = if kind == "shipped" {
                    format!("{module}/{flavour}/shipped")
                } else {
                    format!("{module}/{flavour}/{kind}/{name}")
                };
                let _ = write!(
                    cases,
                    "    Case {{\n        name: \"{case_name}\",\n        file: \"{file}\",\n        \
                     kind: Kind::{kind_name},\n        run: Run::Contract(|clause| {{\n            \
                     workshop::contract::{contract}::clause(\n                clause,\n                \
                     \"{file}\",\n                {module_path}::Watcher::new,\n                \
                     {module_path}::Watcher::wait_ready,\n            )\n        }}),\n    }},\n"
                );
            };
            case(
                String::new(),
                "shipped",
                format!("leaky/src/{module}/{file_name}"),
                String::new(),
            );
            let fixed = root.join(format!("fixed/src/{module}"));
            let mut solutions = Vec::new();
            if fixed.join(&file_name).is_file() {
                solutions.push((
                    "default".to_owned(),
                    format!("fixed/src/{module}/{file_name}"),
                ));
            }
            for fix in &entry.fixes {
                let dir = fix.name.replace('-', "_");
                if fixed.join(&dir).join(&file_name).is_file() {
                    solutions.push((dir.clone(), format!("fixed/src/{module}/{dir}/{file_name}")));
                }
            }
            for (name, file) in solutions {
                let path = format!("../../../{file}");
                case(name, "solution", file, path);
            }
            for kind in ["right", "wrong"] {
                let dir = root.join(format!("leaky/exercises/{module}/{kind}"));
                for name in folders_with(&dir, &file_name) {
                    let file = format!("leaky/exercises/{module}/{kind}/{name}/{file_name}");
                    let path = format!("{kind}/{name}/{file_name}");
                    case(name, kind, file, path);
                }
            }
        }
        modules.push_str("}\n\n");
    }
    capstone_cases(&root, &mut modules, &mut cases);
    format!(
        "{modules}/// Every case, as the folders hold them.\n\
         #[rustfmt::skip]\nconst CASES: &[Case] = &[\n{cases}];\n"
    )
}

/// The capstone's cases: its server as shipped, each solution in `fixed/src/capstone/`, and
/// each right and wrong fix beside it, every one a module found from the capstone's folder.
fn capstone_cases(root: &std::path::Path, modules: &mut String, cases: &mut String) {
    let _ = write!(
        modules,
        "#[rustfmt::skip]\n#[allow(unreachable_pub, dead_code)]\n#[path = \"../../capstone\"]\n\
         mod capstone {{\n"
    );
    let mut servers = vec![(
        "shipped".to_owned(),
        "Shipped",
        "leaky/capstone/server.rs".to_owned(),
        "server.rs".to_owned(),
    )];
    if root.join("fixed/src/capstone/server.rs").is_file() {
        servers.push((
            "solution/default".to_owned(),
            "Solution",
            "fixed/src/capstone/server.rs".to_owned(),
            "../../fixed/src/capstone/server.rs".to_owned(),
        ));
    }
    for name in folders_with(&root.join("fixed/src/capstone"), "server.rs") {
        let file = format!("fixed/src/capstone/{name}/server.rs");
        servers.push((
            format!("solution/{name}"),
            "Solution",
            file.clone(),
            format!("../../{file}"),
        ));
    }
    for (kind, kind_name) in [("right", "Right"), ("wrong", "Wrong")] {
        for name in folders_with(&root.join(format!("leaky/capstone/{kind}")), "server.rs") {
            let path = format!("{kind}/{name}/server.rs");
            servers.push((
                format!("{kind}/{name}"),
                kind_name,
                format!("leaky/capstone/{path}"),
                path,
            ));
        }
    }
    for (name, kind, file, path) in servers {
        let item = name.replace(['/', '-'], "_");
        let _ = write!(
            modules,
            "    #[path = \"{path}\"]\n    pub(crate) mod {item};\n"
        );
        let server = format!("capstone::{item}::Server");
        let _ = write!(
            cases,
            "    Case {{\n        name: \"capstone/{name}\",\n        file: \"{file}\",\n        \
             kind: Kind::{kind},\n        run: Run::Capstone(|leave| {{\n            \
             proof::on_runtime(checks::leaves_nothing(\n                {server}::start,\n                \
             {server}::addr,\n                {server}::shutdown,\n                leave,\n            \
             ))\n        }}),\n    }},\n"
        );
    }
    modules.push_str("}\n\n");
}

/// The half-day plan shows every pattern: its rows follow the manifest, the rest is the
/// instructor's. A pattern's row keeps what it says is done (`chapter`, `chapter and
/// exercise`) and takes its minutes from the manifest; a pattern the plan lacks comes
/// after the last one it has, as a chapter; a pattern the manifest lacks goes. Then the
/// total row and the heading's minutes are the sum of the rows.
fn half_day(patterns: &[Entry], current: &str) -> String {
    let chapter_of = |line: &str| {
        let link = line.split("](").nth(1)?.split(')').next()?;
        patterns.iter().find(|p| p.chapter() == link)
    };
    let is_pattern_row = |line: &str| line.starts_with('|') && line.contains("](patterns/");
    let pattern_row = |entry: &Entry, what: &str| {
        let minutes = match what {
            "chapter and exercise" => entry.minutes.chapter + entry.minutes.exercise,
            "exercise" => entry.minutes.exercise,
            _ => entry.minutes.chapter,
        };
        format!(
            "| [{}]({}) | {what} | {minutes} |",
            entry.title(),
            entry.chapter()
        )
    };
    let lines: Vec<&str> = current.lines().collect();
    let last_pattern = lines.iter().rposition(|line| is_pattern_row(line));
    let mut rows: Vec<String> = Vec::new();
    for (at, line) in lines.iter().enumerate() {
        if is_pattern_row(line) {
            if let Some(entry) = chapter_of(line) {
                let what = line.split('|').nth(2).map_or("chapter", str::trim);
                rows.push(pattern_row(entry, what));
            }
        } else {
            rows.push((*line).to_owned());
        }
        if Some(at) == last_pattern {
            for entry in patterns {
                if !lines
                    .iter()
                    .any(|l| chapter_of(l).is_some_and(|e| e.name == entry.name))
                {
                    rows.push(pattern_row(entry, "chapter"));
                }
            }
        }
    }
    let minutes = |row: &str| -> Option<u32> {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        match cells[..] {
            ["", part, _, minutes, ""] if part != "total" => minutes.parse().ok(),
            _ => None,
        }
    };
    let total: u32 = rows.iter().filter_map(|row| minutes(row)).sum();
    let mut out = String::new();
    for row in rows {
        let row = if row.starts_with("| total |") {
            format!("| total | | {total} |")
        } else if let Some(heading) = row.strip_prefix("### ") {
            format!("### {}", with_minutes(heading, total))
        } else {
            row
        };
        out += &row;
        out.push('\n');
    }
    out
}

/// A heading with the figure before its first " minutes" set to `total`.
fn with_minutes(heading: &str, total: u32) -> String {
    let Some(at) = heading.find(" minutes") else {
        return heading.to_owned();
    };
    let before = &heading[..at];
    let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    format!("{}{total}{}", &before[..at - digits], &heading[at..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_region_is_rewritten_between_its_markers_and_nothing_else() {
        let list = &lists()[0];
        let text = format!(
            "before\n{}\nan old line\n{}\nafter\n",
            list.begin(),
            list.end()
        );
        let written = list.rewrite(&text, &crate::patterns()).unwrap();
        assert!(written.starts_with(&format!("before\n{}\n- blocked send: ", list.begin())));
        assert!(written.ends_with(&format!("{}\nafter\n", list.end())));
        assert!(!written.contains("an old line"));
    }

    #[test]
    fn a_missing_marker_is_named() {
        let list = &lists()[0];
        let error = list
            .rewrite("no markers\n", &crate::patterns())
            .unwrap_err();
        assert!(error.contains("README.md has no line `<!-- BEGIN GENERATED patterns"));
    }

    #[test]
    fn the_half_day_plan_keeps_its_other_rows_and_adds_a_missing_pattern() {
        let patterns = crate::patterns();
        let plan = "### Half a day: 1 minutes\n\n| part | what | minutes |\n| --- | --- | --- |\n\
                    | [Setup](setup.md) | chapter | 10 |\n\
                    | [Blocked send](patterns/blocked-send.md) | chapter and exercise | 99 |\n\
                    | Break | | 15 |\n| total | | 1 |\n";
        let written = half_day(&patterns[..2], plan);
        let chapter = patterns[1].minutes.chapter;
        let blocked = patterns[0].minutes.chapter + patterns[0].minutes.exercise;
        let total = 10 + blocked + chapter + 15;
        assert_eq!(
            written,
            format!(
                "### Half a day: {total} minutes\n\n| part | what | minutes |\n| --- | --- | --- |\n\
                 | [Setup](setup.md) | chapter | 10 |\n\
                 | [Blocked send](patterns/blocked-send.md) | chapter and exercise | {blocked} |\n\
                 | [Take first](patterns/take-first.md) | chapter | {chapter} |\n\
                 | Break | | 15 |\n| total | | {total} |\n"
            )
        );
    }
}
