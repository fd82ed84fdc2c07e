//! Draws the book's timelines, one per pattern, from each pattern's `[pattern.timeline]`
//! in `leaky/patterns.toml`: the caller's deadline, the worker's check, and where the
//! worker blocks, loops or ends. `bash docs/generate` runs it.
//!
//!     cargo run -p workshop --bin figures -- DIR

use std::path::Path;

fn main() -> anyhow::Result<()> {
    let Some(dir) = std::env::args().nth(1) else {
        anyhow::bail!("usage: figures DIR (the folder to write the timelines into)");
    };
    std::fs::create_dir_all(&dir)?;
    for entry in workshop::manifest::patterns() {
        let file = Path::new(&dir).join(format!("{}.svg", entry.module()));
        workshop::figures::timeline(&file, &entry.timeline)?;
    }
    Ok(())
}
