//! Every leak pattern, proven: the green tests assert that the checker reports exactly the
//! leak (or that the wrong answer comes). The tests marked `#[ignore]` are the red versions:
//! the same checks every fix in `fixed` passes, run here so that they fail with the
//! checker's report, or with the wrong answer. Run them with
//! `cargo test -p leaky -- --ignored`.

mod blocked_send;
mod blocking_pool;
mod detached_handle;
mod double_send;
mod endless_ticker;
mod forgotten_stop;
mod stale_answer;
mod take_first;
mod unclosed_channel;

/// `leaky/patterns.toml` is the one list of the patterns: the registry, the `mod` lines
/// above, the exercises and their `[[test]]` entries must agree with it, and this says
/// what is missing where.
#[test]
fn the_manifest_the_registry_the_tests_and_the_exercises_agree() {
    let wrong = workshop::manifest::disagreements_in_leaky(
        &leaky::patterns(),
        include_str!("main.rs"),
        include_str!("../../Cargo.toml"),
        env!("CARGO_MANIFEST_DIR"),
    );
    assert!(
        wrong.is_empty(),
        "not as leaky/patterns.toml says:\n{}",
        wrong.join("\n")
    );
}
