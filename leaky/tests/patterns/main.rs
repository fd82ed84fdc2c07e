//! Every leak pattern, proven: the green tests assert that the checker reports exactly the
//! leak (or that the wrong answer comes). The tests marked `#[ignore]` are the red versions:
//! the same checks every fix in `fixed` passes, run here so that they fail with the
//! checker's report, or with the wrong answer. Run them with
//! `cargo test -p leaky -- --ignored`.

automod::dir!("tests/patterns");

/// `leaky/patterns.toml` is the one list of the patterns: each pattern's files, its
/// exercises' and its test file here (each file of this folder is a module, by `automod`)
/// must agree with it, and this says what is missing where.
#[test]
fn every_pattern_of_the_manifest_has_its_files_its_exercises_and_its_tests() {
    let wrong =
        workshop::manifest::disagreements_in_leaky(env!("CARGO_MANIFEST_DIR"));
    assert!(
        wrong.is_empty(),
        "not as leaky/patterns.toml says:\n{}",
        wrong.join("\n")
    );
}
