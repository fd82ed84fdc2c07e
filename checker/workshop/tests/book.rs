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
        found.push(Label {
            text: rest[tag_end + 1..close].trim().to_owned(),
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

/// The widest line the book shows before it scrolls: a laptop's browser at the book's
/// default font shows about this many columns of a code block.
const BOOK_COLUMNS: usize = 100;

#[test]
fn every_output_and_diff_the_book_shows_fits_its_width() {
    fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|e| e == "txt" || e == "diff") {
                found.push(path);
            }
        }
    }
    let mut shown = Vec::new();
    walk(&Path::new(DOCS).join("generated"), &mut shown);
    // The figures the benchmarks write for the book.
    walk(&Path::new(DOCS).join("img"), &mut shown);
    assert!(shown.len() > 20, "the book has its generated outputs");
    let mut wide = Vec::new();
    for file in shown {
        for (i, line) in fs::read_to_string(&file).unwrap().lines().enumerate() {
            // Rust's own panic line names the test and the line; it is shown as Rust
            // prints it, scrolling if it must.
            let rusts_own = line.starts_with("thread '") && line.contains("' panicked at ");
            if line.chars().count() > BOOK_COLUMNS && !rusts_own {
                wide.push(format!("{}:{}: {line}", file.display(), i + 1));
            }
        }
    }
    assert!(
        wide.is_empty(),
        "lines wider than {BOOK_COLUMNS} columns, which the book cuts off:\n{}",
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
