//! The build script of `leaky` and of `fixed`, one file for both (each crate's `build` key
//! names it): writes `patterns()`, the registry the crate's demo runs, from the manifest
//! (`leaky/patterns.toml`, built into `workshop-manifest`). The crate's `src/lib.rs`
//! includes it. A pattern the manifest names whose `pub mod` line `src/lib.rs` lacks is a
//! compile error that names the line.

use std::path::PathBuf;

fn main() {
    // The manifest's changes reach here through `workshop-manifest`, which is rebuilt,
    // and this script with it; `src/lib.rs` is read for its `pub mod` lines.
    println!("cargo::rerun-if-changed=src/lib.rs");
    let lib_rs = std::fs::read_to_string("src/lib.rs").expect("src/lib.rs reads");
    let patterns = workshop_manifest::patterns();
    let source = match std::env::var("CARGO_PKG_NAME").as_deref() {
        Ok("leaky") => workshop_manifest::registry::leaky(&patterns, &lib_rs),
        Ok("fixed") => workshop_manifest::registry::fixed(&patterns, &lib_rs),
        other => panic!("the registry is written for leaky and fixed, not {other:?}"),
    };
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("patterns.rs"), source).expect("OUT_DIR is writable");
}
