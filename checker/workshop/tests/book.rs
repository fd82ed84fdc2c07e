//! The workshop book holds together: every `{{#include}}` names a file that exists (and,
//! where it names an anchor, an anchor that is there), and every relative link and image
//! points at a file that exists. `mdbook build docs` fails on a missing include too; this
//! says which one in `cargo test`, and covers links and images, which mdBook does not check.
//! And the instructor's plans add up: each row takes its minutes from the chapter it names,
//! and each plan's rows from its total, so that a chapter's new minutes cannot leave a plan
//! behind.

use std::fs;
use std::path::{Path, PathBuf};

const DOCS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/src");

fn pages() -> Vec<PathBuf> {
    fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|e| e == "md") {
                found.push(path);
            }
        }
    }
    let mut found = Vec::new();
    walk(Path::new(DOCS), &mut found);
    assert!(found.len() > 10, "the book has its pages");
    found
}

/// The text between `open` and `close`, each time it occurs.
fn between<'a>(text: &'a str, open: &str, close: char) -> Vec<&'a str> {
    text.match_indices(open)
        .filter_map(|(at, _)| {
            let rest = &text[at + open.len()..];
            rest.find(close).map(|end| &rest[..end])
        })
        .collect()
}

#[test]
fn every_include_names_a_file_and_anchor_that_exist() {
    let mut missing = Vec::new();
    for page in pages() {
        let text = fs::read_to_string(&page).unwrap();
        for include in between(&text, "{{#include ", '}') {
            let mut parts = include.trim().splitn(2, ':');
            let file = page.parent().unwrap().join(parts.next().unwrap());
            let Ok(target) = fs::read_to_string(&file) else {
                missing.push(format!("{}: {}", page.display(), file.display()));
                continue;
            };
            // A line range is numbers; anything else names an anchor.
            if let Some(anchor) = parts
                .next()
                .filter(|a| !a.starts_with(|c: char| c.is_ascii_digit()))
                && !target.contains(&format!("ANCHOR: {anchor}"))
            {
                {
                    missing.push(format!(
                        "{}: anchor {anchor} in {}",
                        page.display(),
                        file.display()
                    ));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "includes that point nowhere:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_relative_link_and_image_points_at_a_file() {
    let mut broken = Vec::new();
    for page in pages() {
        let text = fs::read_to_string(&page).unwrap();
        for target in between(&text, "](", ')') {
            let target = target.split('#').next().unwrap();
            if target.is_empty() || target.contains("://") {
                continue;
            }
            let file = page.parent().unwrap().join(target);
            if !file.exists() {
                broken.push(format!("{}: {target}", page.display()));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "links to nothing:\n{}",
        broken.join("\n")
    );
}

/// Every pattern of the manifest, `leaky/patterns.toml`, has its chapter, which gives the
/// manifest's minutes, and its timeline. (The lists of the patterns in the book and the
/// README are written from the manifest: `workshop-manifest`'s `lists` test checks them.)
#[test]
fn every_pattern_of_the_manifest_has_its_chapter_minutes_and_timeline() {
    let mut wrong = Vec::new();
    for entry in &workshop::manifest::patterns() {
        let chapter = entry.chapter();
        match fs::read_to_string(Path::new(DOCS).join(&chapter))
            .ok()
            .as_deref()
            .and_then(minutes_of)
        {
            None => wrong.push(format!("{chapter} is missing, or gives no minutes")),
            Some(given) => {
                let stated = (entry.minutes.chapter, Some(entry.minutes.exercise));
                if (given.chapter, given.exercise) != stated {
                    wrong.push(format!("{chapter} gives {given}; the manifest {stated:?}"));
                }
            }
        }
        let timeline = Path::new(DOCS).join(format!("generated/timelines/{}.svg", entry.module()));
        if !timeline.exists() {
            wrong.push(format!(
                "no timeline for {}: docs/src/generated/timelines/{}.svg (bash docs/generate)",
                entry.name,
                entry.module()
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "not as leaky/patterns.toml says:\n{}",
        wrong.join("\n")
    );
}

/// A chapter's minutes, from the line under its title: `*10 minutes.*`, or, for a
/// pattern, `*10 minutes, and 15 for the exercise.*`. `None` for a page without one.
#[derive(Clone, Copy)]
struct Minutes {
    chapter: u32,
    exercise: Option<u32>,
}

impl std::fmt::Display for Minutes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.exercise {
            Some(exercise) => write!(f, "{}, and {exercise} for the exercise", self.chapter),
            None => write!(f, "{}, and no exercise", self.chapter),
        }
    }
}

fn minutes_of(page: &str) -> Option<Minutes> {
    let line = page
        .lines()
        .find(|line| line.starts_with('*') && line.contains(" minutes"))?;
    let inner = line.trim_matches('*').trim_end_matches('.');
    let (chapter, rest) = inner.split_once(" minutes")?;
    let exercise = match rest {
        "" => None,
        rest => {
            let figure = rest
                .strip_prefix(", and ")
                .and_then(|r| r.strip_suffix(" for the exercise"))
                .unwrap_or_else(|| panic!("a minutes line this test cannot read: {line}"));
            Some(figure.parse().unwrap())
        }
    };
    Some(Minutes {
        chapter: chapter.parse().unwrap(),
        exercise,
    })
}

/// One plan of the instructor notes: its heading's total and its table's rows, each as
/// (part, what, minutes).
struct Plan {
    heading: String,
    rows: Vec<(String, String, u32)>,
}

fn plans(notes: &str) -> Vec<Plan> {
    let mut plans: Vec<Plan> = Vec::new();
    for line in notes.lines() {
        if let Some(heading) = line.strip_prefix("### ") {
            plans.push(Plan {
                heading: heading.to_owned(),
                rows: Vec::new(),
            });
        } else if let (Some(plan), Some(row)) = (plans.last_mut(), line.strip_prefix('|')) {
            let cells: Vec<&str> = row.split('|').map(str::trim).collect();
            if let [part, what, minutes, ..] = cells[..]
                && let Ok(minutes) = minutes.parse()
            {
                plan.rows.push((part.to_owned(), what.to_owned(), minutes));
            }
        }
    }
    plans
}

/// The first number followed by " minutes" in a plan's heading.
fn heading_total(heading: &str) -> u32 {
    let before = heading
        .split(" minutes")
        .next()
        .expect("a heading that gives its minutes");
    before
        .rsplit(|c: char| !c.is_ascii_digit())
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("a plan's heading gives no minutes: {heading}"))
}

#[test]
fn every_pattern_chapter_gives_its_minutes_and_its_exercises() {
    for page in pages() {
        let text = fs::read_to_string(&page).unwrap();
        let in_patterns = page.parent().is_some_and(|p| p.ends_with("patterns"));
        if !in_patterns {
            continue;
        }
        let minutes =
            minutes_of(&text).unwrap_or_else(|| panic!("{} gives no minutes", page.display()));
        assert!(
            minutes.exercise.is_some(),
            "{} gives no minutes for its exercise",
            page.display()
        );
    }
}

#[test]
fn every_plan_adds_up_from_the_chapters_own_minutes() {
    let notes = fs::read_to_string(Path::new(DOCS).join("instructor-notes.md")).unwrap();
    let plans = plans(&notes);
    assert!(plans.len() >= 2, "the instructor notes have their plans");
    let mut wrong = Vec::new();
    for plan in &plans {
        let total = heading_total(&plan.heading);
        let mut sum = 0;
        let mut stated = None;
        for (part, what, minutes) in &plan.rows {
            if part == "total" {
                stated = Some(*minutes);
                continue;
            }
            sum += minutes;
            let Some(link) = between(part, "](", ')').into_iter().next() else {
                continue;
            };
            let chapter = fs::read_to_string(Path::new(DOCS).join(link)).unwrap();
            let Some(given) = minutes_of(&chapter) else {
                wrong.push(format!("{}: {link} gives no minutes", plan.heading));
                continue;
            };
            let expected = match what.as_str() {
                "chapter" => Some(given.chapter),
                "exercise" => given.exercise,
                "chapter and exercise" => given.exercise.map(|e| given.chapter + e),
                _ => None,
            };
            if expected != Some(*minutes) {
                wrong.push(format!(
                    "{}: {link}, {what}: {minutes} minutes, where the chapter gives {given}",
                    plan.heading
                ));
            }
        }
        if stated != Some(total) || sum != total {
            wrong.push(format!(
                "{}: the heading says {total}, the total row {stated:?}, the rows add up to {sum}",
                plan.heading
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "plans that do not add up:\n{}",
        wrong.join("\n")
    );
}

/// A label drawn in one of the book's figures, as its SVG places it.
struct Label {
    text: String,
    x: f64,
    y: f64,
    size: f64,
    anchor: String,
    rotated: bool,
}

impl Label {
    /// The horizontal extent the text takes, estimated from its length: sans-serif
    /// glyphs average a little over half the font size.
    fn span(&self) -> (f64, f64) {
        let width = self.text.chars().count() as f64 * self.size * 0.55;
        match self.anchor.as_str() {
            "middle" => (self.x - width / 2.0, self.x + width / 2.0),
            "end" => (self.x - width, self.x),
            _ => (self.x, self.x + width),
        }
    }
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    between(tag, &format!(" {name}=\""), '"')
        .into_iter()
        .next()
        .map(str::to_owned)
}

/// The `<text>` elements of an SVG, and its width.
fn labels(svg: &str) -> (f64, Vec<Label>) {
    let width = attribute(svg, "width")
        .and_then(|w| w.parse().ok())
        .unwrap_or(f64::MAX);
    let mut found = Vec::new();
    for (at, _) in svg.match_indices("<text ") {
        let rest = &svg[at..];
        let Some(tag_end) = rest.find('>') else {
            continue;
        };
        let tag = &rest[..tag_end];
        let Some(close) = rest.find("</text>") else {
            continue;
        };
        let number = |name| attribute(tag, name).and_then(|v| v.parse::<f64>().ok());
        // SVG escapes what XML must; the label a reader sees is the text unescaped.
        let text = rest[tag_end + 1..close]
            .trim()
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&#39;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        found.push(Label {
            text,
            x: number("x").unwrap_or(0.0),
            y: number("y").unwrap_or(0.0),
            size: number("font-size").unwrap_or(10.0),
            anchor: attribute(tag, "text-anchor").unwrap_or_default(),
            rotated: tag.contains("rotate("),
        });
    }
    (width, found)
}

fn figures() -> Vec<PathBuf> {
    ["img", "generated/timelines"]
        .iter()
        .flat_map(|dir| fs::read_dir(Path::new(DOCS).join(dir)).unwrap())
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "svg"))
        .collect()
}

#[test]
fn every_figure_reads_true_numbers_with_no_label_over_another() {
    let figures = figures();
    assert!(figures.len() > 5, "the book has its figures");
    let mut wrong = Vec::new();
    for file in figures {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let (width, labels) = labels(&fs::read_to_string(&file).unwrap());
        let upright: Vec<&Label> = labels.iter().filter(|l| !l.rotated).collect();
        for label in &upright {
            let number = label.text.parse::<f64>().is_ok();
            // A tick that prints `.0` is a count or a round value drawn as a float.
            if number && label.text.ends_with(".0") {
                wrong.push(format!(
                    "{name}: tick '{}' prints a needless '.0'",
                    label.text
                ));
            }
            let (left, right) = label.span();
            if left < 0.0 || right > width {
                wrong.push(format!(
                    "{name}: '{}' runs past the figure's edge",
                    label.text
                ));
            }
        }
        // Two neighbouring ticks of one axis that read the same: a float axis whose ticks
        // were rounded. An axis's ticks share a row (x axis) or a column (y axis).
        let ticks: Vec<&&Label> = upright
            .iter()
            .filter(|l| l.text.parse::<f64>().is_ok())
            .collect();
        for (along, across) in [(true, false), (false, true)] {
            let key = |l: &Label| {
                if along {
                    (l.y * 2.0).round()
                } else {
                    (l.x * 2.0).round()
                }
            };
            let place = |l: &Label| if across { l.y } else { l.x };
            let mut lines: std::collections::BTreeMap<i64, Vec<&Label>> = Default::default();
            // x ticks are centred under their place, y ticks right-aligned beside it.
            let anchor = if along { "middle" } else { "end" };
            for tick in ticks.iter().filter(|t| t.anchor == anchor) {
                lines.entry(key(tick) as i64).or_default().push(tick);
            }
            for line in lines.values_mut() {
                line.sort_by(|a, b| place(a).total_cmp(&place(b)));
                for pair in line.windows(2) {
                    if pair[0].text == pair[1].text {
                        wrong.push(format!(
                            "{name}: two ticks side by side read '{}'",
                            pair[0].text
                        ));
                    }
                }
            }
        }
        for (i, a) in upright.iter().enumerate() {
            for b in &upright[i + 1..] {
                let ((a_left, a_right), (b_left, b_right)) = (a.span(), b.span());
                let rows_meet = (a.y - b.y).abs() < a.size.min(b.size) * 0.9;
                if rows_meet && a_left < b_right && b_left < a_right {
                    wrong.push(format!("{name}: '{}' is drawn over '{}'", a.text, b.text));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "figures that misstate or hide:\n{}",
        wrong.join("\n")
    );
}

/// The widest line of a diff the book shows: a line rustfmt allows (100 columns) and the
/// diff's marker beside it. The book's column is widened to hold it (docs/theme/book.css),
/// and `.ci/run` measures every block in a browser (docs/browser/book.test.mjs); this is
/// the quick check `cargo test` can make without one. The programs' outputs may be wider:
/// the book folds an output's long line at a space.
const DIFF_COLUMNS: usize = 101;

#[test]
fn every_diff_the_book_shows_fits_its_column() {
    fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|e| e == "diff") {
                found.push(path);
            }
        }
    }
    let mut shown = Vec::new();
    walk(&Path::new(DOCS).join("generated"), &mut shown);
    assert!(shown.len() > 20, "the book has its diffs");
    let mut wide = Vec::new();
    for file in shown {
        for (i, line) in fs::read_to_string(&file).unwrap().lines().enumerate() {
            if line.chars().count() > DIFF_COLUMNS {
                wide.push(format!("{}:{}: {line}", file.display(), i + 1));
            }
        }
    }
    assert!(
        wide.is_empty(),
        "diff lines wider than {DIFF_COLUMNS} columns, which the book cuts off:\n{}",
        wide.join("\n")
    );
}

/// A count of threads or tasks typed into a chapter's prose goes stale when the program
/// changes; the chapters include the outputs that show the counts instead.
#[test]
fn no_chapter_types_a_count_its_outputs_show() {
    const NUMBERS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    let mut typed = Vec::new();
    for page in pages()
        .into_iter()
        .filter(|p| p.parent().unwrap().ends_with("patterns"))
    {
        let text = fs::read_to_string(&page).unwrap();
        // Prose only: code blocks and included outputs are the programs' own words.
        let prose: String = text.split("```").step_by(2).collect();
        let words: Vec<&str> = prose.split_whitespace().collect();
        for pair in words.windows(2) {
            let (number, noun) = (pair[0].to_lowercase(), pair[1]);
            let counted = number.parse::<u64>().is_ok() || NUMBERS.contains(&number.as_str());
            let what = noun.trim_end_matches(|c: char| !c.is_alphabetic());
            if counted && matches!(what, "thread" | "threads" | "task" | "tasks") {
                typed.push(format!("{}: '{} {}'", page.display(), pair[0], pair[1]));
            }
        }
    }
    assert!(
        typed.is_empty(),
        "counts typed into prose; include the output that shows them instead:\n{}",
        typed.join("\n")
    );
}

/// Where a figure the chapters may type comes from, when no file they include shows it: a
/// constant, not a measurement.
enum Source {
    /// Set by this workspace's code: the file, and the text in it that sets it.
    Code(&'static str, &'static str),
    /// Set by another project, or by the kernel: what sets it.
    Upstream(&'static str),
}

/// The constants the chapters may type, each as `figures_in` reads it (`100ms`, `15B`).
/// A figure is looked up by its value, whatever it stands for on its page: a measurement
/// that happens to equal one of these passes, which is the price of a list this short.
const CONSTANTS: &[(&str, Source)] = &[
    (
        "100ms",
        Source::Code(
            "checker/workshop/src/demo/cli.rs",
            r#"default_value = "100ms""#,
        ),
    ),
    (
        "1s",
        Source::Code(
            "checker/workshop/src/demo/cli.rs",
            r#"default_value = "1s""#,
        ),
    ),
    (
        "50ms",
        Source::Code(
            "checker/workshop/src/demo/cli.rs",
            r#"default_value = "50ms""#,
        ),
    ),
    (
        "500ms",
        Source::Code("checker/src/options.rs", "Duration::from_millis(500)"),
    ),
    (
        "100000calls",
        Source::Code(
            "checker/workshop/src/demo/cli.rs",
            "MOST_CALLS: usize = 100_000",
        ),
    ),
    (
        "10s",
        Source::Upstream("tokio's thread_keep_alive default; the blog post's check"),
    ),
    (
        "300s",
        Source::Upstream("kudo init's --wait-timeout default"),
    ),
    (
        "15B",
        Source::Upstream("Linux's thread name: TASK_COMM_LEN, 16 bytes with its NUL"),
    ),
    ("16B", Source::Upstream("Linux's TASK_COMM_LEN")),
    (
        "63B",
        Source::Upstream("macOS's thread name: MAXTHREADNAMESIZE, 64 with its NUL"),
    ),
    (
        "16KiB",
        Source::Upstream("the x86-64 kernel's stack for a thread"),
    ),
    ("2MiB", Source::Upstream("std's default thread stack")),
];

/// The units a measured figure comes in, each with the spelling it is compared in: times,
/// sizes, shares, and counts of what a run starts or leaks.
const UNITS: &[(&str, &str)] = &[
    ("ns", "ns"),
    ("µs", "µs"),
    ("us", "µs"),
    ("ms", "ms"),
    ("s", "s"),
    ("second", "s"),
    ("seconds", "s"),
    ("B", "B"),
    ("byte", "B"),
    ("bytes", "B"),
    ("KiB", "KiB"),
    ("MiB", "MiB"),
    ("GiB", "GiB"),
    ("KB", "KiB"),
    ("MB", "MiB"),
    ("%", "%"),
    ("x", "x"),
    ("thread", "threads"),
    ("threads", "threads"),
    ("task", "tasks"),
    ("tasks", "tasks"),
    ("goroutine", "goroutines"),
    ("goroutines", "goroutines"),
    ("call", "calls"),
    ("calls", "calls"),
    ("frames", "frames"),
];

/// The figures in `text`, each as written and as compared: `10 000 tasks` is `10000tasks`,
/// `2.2 µs` is `2.2µs`. A number is digits, groups of three after a space, and a decimal
/// part; its unit follows it, after one space or none.
fn figures_in(text: &str) -> Vec<(String, String)> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = chars[i].is_ascii_digit()
            && (i == 0 || !(chars[i - 1].is_alphanumeric() || ".-_:/".contains(chars[i - 1])));
        if !starts {
            i += 1;
            continue;
        }
        let start = i;
        let mut digits = String::new();
        loop {
            while i < chars.len() && chars[i].is_ascii_digit() {
                digits.push(chars[i]);
                i += 1;
            }
            let group = |at: usize| {
                at + 3 <= chars.len()
                    && chars[at..at + 3].iter().all(char::is_ascii_digit)
                    && chars.get(at + 3).is_none_or(|c| !c.is_ascii_digit())
            };
            if i + 1 < chars.len() && chars[i] == ' ' && group(i + 1) {
                i += 1;
                continue;
            }
            if i + 1 < chars.len() && chars[i] == '.' && chars[i + 1].is_ascii_digit() {
                digits.push('.');
                i += 1;
                continue;
            }
            break;
        }
        let mut at = i;
        if chars.get(at) == Some(&' ') {
            at += 1;
        }
        let unit: String = chars[at..]
            .iter()
            .take_while(|c| c.is_alphabetic() || **c == '%')
            .collect();
        if let Some((_, canonical)) = UNITS.iter().find(|(spelt, _)| *spelt == unit) {
            let written: String = chars[start..at + unit.chars().count()].iter().collect();
            found.push((written, format!("{digits}{canonical}")));
            i = at + unit.chars().count();
        }
    }
    found
}

#[test]
fn figures_are_read_as_written() {
    let figures: Vec<String> = figures_in(
        "a 100 ms deadline, 1s, 2.2 µs, 10 000 tasks and 1 000 threads, 15 bytes, x86-64, \
         Go 1.26, 16 KiB, 1:10, 5 minutes",
    )
    .into_iter()
    .map(|(_, canonical)| canonical)
    .collect();
    assert_eq!(
        figures,
        [
            "100ms",
            "1s",
            "2.2µs",
            "10000tasks",
            "1000threads",
            "15B",
            "16KiB"
        ]
    );
}

/// A page's prose: its lines outside code blocks, includes and inline code, by number.
fn prose_lines(page: &str) -> Vec<(usize, String)> {
    let mut in_block = false;
    let mut lines = Vec::new();
    for (i, line) in page.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            in_block = !in_block;
            continue;
        }
        if in_block || line.contains("{{#include") {
            continue;
        }
        let without_code: String = line.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        lines.push((i + 1, without_code));
    }
    lines
}

/// The text of the page's command blocks, where a figure is an argument the reader types.
fn commands(page: &str) -> String {
    page.split("```console")
        .skip(1)
        .filter_map(|block| block.split("```").next())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_figure_a_chapter_types_is_shown_by_what_it_includes_or_set_by_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut wrong = Vec::new();
    for (figure, source) in CONSTANTS {
        if let Source::Code(file, needle) = source {
            let text = fs::read_to_string(root.join(file)).unwrap_or_default();
            if !text.contains(needle) {
                wrong.push(format!(
                    "the book types {figure} as the constant `{needle}` of {file}, which no \
                     longer sets it: remake the prose and CONSTANTS in this test"
                ));
            }
        }
    }
    for page in pages() {
        if page.components().any(|c| c.as_os_str() == "generated") {
            continue;
        }
        let text = fs::read_to_string(&page).unwrap();
        let mut shown: Vec<String> = figures_in(&commands(&text))
            .into_iter()
            .map(|(_, canonical)| canonical)
            .collect();
        // A count typed as a command's bare argument (`--calls 10000`).
        let arguments: Vec<String> = commands(&text)
            .split(|c: char| !c.is_ascii_digit())
            .filter(|n| !n.is_empty())
            .map(str::to_owned)
            .collect();
        for include in between(&text, "{{#include ", '}') {
            let file = page
                .parent()
                .unwrap()
                .join(include.trim().split(':').next().unwrap());
            let included = fs::read_to_string(&file).unwrap_or_default();
            shown.extend(figures_in(&included).into_iter().map(|(_, c)| c));
        }
        for (line, prose) in prose_lines(&text) {
            for (written, canonical) in figures_in(&prose) {
                let number: String = canonical
                    .chars()
                    .take_while(|c| c.is_ascii_digit() || *c == '.')
                    .collect();
                let count = canonical.ends_with(|c: char| c.is_alphabetic() && c != 's')
                    || ["threads", "tasks", "calls"]
                        .iter()
                        .any(|u| canonical.ends_with(u));
                let known = shown.contains(&canonical)
                    || CONSTANTS.iter().any(|(figure, _)| *figure == canonical)
                    || (count && arguments.contains(&number));
                if !known {
                    wrong.push(format!(
                        "docs/src/{}:{line}: '{written}' is typed into the prose, and nothing \
                         the page includes shows it; include the output that measured it, \
                         or, if the code sets it, add it to CONSTANTS with the line that does",
                        page.strip_prefix(DOCS).unwrap_or(&page).display()
                    ));
                }
            }
        }
    }
    let constants: Vec<String> = CONSTANTS
        .iter()
        .map(|(figure, source)| match source {
            Source::Code(file, _) => format!("{figure} ({file})"),
            Source::Upstream(what) => format!("{figure} ({what})"),
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "figures the book types instead of showing:\n{}\n(the constants it may type: {})",
        wrong.join("\n"),
        constants.join("; ")
    );
}

/// Every pattern whose exercise keeps wrong fixes shows them, from the list `bash
/// docs/generate` writes from the folder.
#[test]
fn every_chapter_lists_the_wrong_fixes_of_its_exercise() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut missing = Vec::new();
    for entry in &workshop::manifest::patterns() {
        let module = entry.module();
        if !root
            .join(format!("leaky/exercises/{module}/wrong"))
            .is_dir()
        {
            continue;
        }
        let list = format!("generated/{module}/wrong-fixes.md");
        let chapter = fs::read_to_string(Path::new(DOCS).join(entry.chapter())).unwrap();
        if !chapter.contains(&format!("{{{{#include ../{list}}}}}")) {
            missing.push(format!("{} does not include {list}", entry.chapter()));
        }
        if !Path::new(DOCS).join(&list).exists() {
            missing.push(format!("docs/src/{list} is missing: bash docs/generate"));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

/// The checker chapter's first outputs were made under `RUST_BACKTRACE=1` (docs/generate):
/// a test that returns its verdict prints the report, and no backtrace.
#[test]
fn the_checker_chapters_first_checks_print_no_backtrace() {
    for flavour in ["threads", "tasks"] {
        let file = Path::new(DOCS).join(format!("generated/checker/first-check-{flavour}.txt"));
        let output = fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("{}: {e} (bash docs/generate)", file.display()));
        assert!(output.contains("found "), "{output}");
        assert!(
            !output.contains("stack backtrace") && !output.contains("RUST_BACKTRACE"),
            "{}:\n{output}",
            file.display()
        );
    }
}
