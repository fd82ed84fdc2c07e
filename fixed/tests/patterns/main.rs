//! Every fix of every pattern, proven: each keeps the whole contract the exercises check
//! (`workshop::contract`): a call returns by its deadline, is answered ready once its own
//! check passes, never takes an answer meant for another call, and leaves nothing behind,
//! whether it is answered, times out or is dropped, and whether the service comes up at
//! once, later or never; with calls one after another and several at once.

automod::dir!("tests/patterns");

/// `leaky/patterns.toml` is the one list of the patterns and their fixes: each fix's
/// files and its contract test (each file of this folder is a module, by `automod`) must
/// agree with it, and this says what is missing where.
#[test]
fn every_fix_of_the_manifest_has_its_files_and_its_contract_tests() {
    let wrong =
        workshop::manifest::disagreements_in_fixed(env!("CARGO_MANIFEST_DIR"));
    assert!(
        wrong.is_empty(),
        "not as leaky/patterns.toml says:\n{}",
        wrong.join("\n")
    );
}
