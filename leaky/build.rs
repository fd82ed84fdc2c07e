//! Writes `patterns()`, the registry the `leaky` demo runs, from the manifest
//! (`leaky/patterns.toml`, built into `workshop-manifest`): `src/lib.rs` includes it.
//! A pattern the manifest names whose `pub mod` line `src/lib.rs` lacks is a compile
//! error that names the line.

use std::path::PathBuf;

fn main() {
    // The manifest's changes reach here through `workshop-manifest`, which is rebuilt,
    // and this script with it; `src/lib.rs` is read for its `pub mod` lines.
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/lib.rs");
    let lib_rs = std::fs::read_to_string("src/lib.rs").expect("src/lib.rs reads");
    let source =
        workshop_manifest::registry::leaky(&workshop_manifest::patterns(), &lib_rs);
    let out =
        PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("patterns.rs"), source).expect("OUT_DIR is writable");
}
