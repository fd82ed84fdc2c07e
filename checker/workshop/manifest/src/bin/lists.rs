//! Writes every list of the patterns outside Rust from `leaky/patterns.toml`, between
//! each list's markers (`workshop_manifest::lists` says which): the README's, the book's,
//! the exercises' README and their `[[test]]` entries. `bash docs/generate` runs it too.
//!
//!     cargo run -p workshop-manifest --bin lists

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../..");
    let patterns = workshop_manifest::patterns();
    let mut failed = false;
    for list in workshop_manifest::lists::lists() {
        let file = root.join(list.file);
        let written = std::fs::read_to_string(&file)
            .map_err(|e| format!("cannot read {}: {e}", list.file))
            .and_then(|text| Ok((list.rewrite(&text, &patterns)?, text)))
            .and_then(|(written, text)| {
                if written != text {
                    std::fs::write(&file, &written)
                        .map_err(|e| format!("cannot write {}: {e}", list.file))?;
                    println!("rewrote {} ({})", list.file, list.region);
                }
                Ok(())
            });
        if let Err(e) = written {
            eprintln!("error: {e}");
            failed = true;
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
