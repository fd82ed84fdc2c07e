//! The workshop book holds together: every `{{#include}}` names a file that exists (and,
//! where it names an anchor, an anchor that is there), and every relative link and image
//! points at a file that exists. `mdbook build docs` fails on a missing include too; this
//! says which one in `cargo test`, and covers links and images, which mdBook does not check.

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

#[test]
fn every_pattern_has_its_chapter_and_its_timeline() {
    let summary = fs::read_to_string(Path::new(DOCS).join("SUMMARY.md")).unwrap();
    for module in fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../leaky/src"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
    {
        let module = module.file_name().into_string().unwrap();
        let name = module.replace('_', "-");
        assert!(
            summary.contains(&format!("(patterns/{name}.md)")),
            "no chapter for {name}"
        );
        let timeline = Path::new(DOCS).join(format!("generated/timelines/{module}.svg"));
        assert!(timeline.exists(), "no timeline for {name}");
    }
}
