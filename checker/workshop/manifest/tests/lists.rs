//! Every list of the patterns written from the manifest is what `lists` would write now:
//! a stale one is named, with the command that rewrites it.

use std::path::Path;

#[test]
fn every_list_written_from_the_manifest_is_up_to_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../..");
    let patterns = workshop_manifest::patterns();
    let mut stale = Vec::new();
    for list in workshop_manifest::lists::lists() {
        let text = std::fs::read_to_string(root.join(list.file))
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", list.file));
        match list.rewrite(&text, &patterns) {
            Ok(written) if written == text => {}
            Ok(written) => stale.push(format!(
                "{} ({}) is stale:{}",
                list.file,
                list.region,
                difference(&text, &written)
            )),
            Err(e) => stale.push(e),
        }
    }
    assert!(
        stale.is_empty(),
        "not as leaky/patterns.toml says:\n{}\nrun `{}` to rewrite them",
        stale.join("\n"),
        workshop_manifest::lists::COMMAND
    );
}

/// The lines the file lacks, and those it has that would not be written, one a line;
/// or, where both hold the same lines, that their order differs.
fn difference(old: &str, new: &str) -> String {
    let (old, new): (Vec<&str>, Vec<&str>) = (old.lines().collect(), new.lines().collect());
    let mut out = String::new();
    for line in new.iter().filter(|line| !old.contains(line)) {
        out += &format!("\n  lacks   `{line}`");
    }
    for line in old.iter().filter(|line| !new.contains(line)) {
        out += &format!("\n  has     `{line}`, which the manifest does not give");
    }
    if out.is_empty() {
        out += " its lines are out of the manifest's order";
    }
    out
}
