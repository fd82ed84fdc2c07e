//! How long each fix of the blocked send takes to give back what it started: from the
//! last call's return until threads and tasks are back at the start, as the demo
//! measures it with its defaults (five calls, 100 ms deadlines, one-second checks).
//!
//! `cargo bench -p fixed` prints one line per fix and flavour; with `-- --figures DIR` it
//! also draws `DIR/reclaim.svg`.

use std::process::Command;

use workshop::demo::Summary;

const FIXED: &str = env!("CARGO_BIN_EXE_fixed");

const FIXES: [&str; 4] = [
    "blocked-send",
    "blocked-send-buffered",
    "blocked-send-cancel",
    "blocked-send-drop-aware",
];

fn main() -> anyhow::Result<()> {
    let figures = std::env::args().skip_while(|a| a != "--figures").nth(1);
    let mut bars = Vec::new();
    for fix in FIXES {
        let summary = run(fix)?;
        for flavour in &summary.flavours {
            let name = flavour.flavour.name();
            let Some(reclaim) = flavour.reclaim else {
                anyhow::bail!("{fix} ({name}) leaked: {flavour:?}");
            };
            let reclaim = reclaim.as_millis();
            println!(
                "reclaim {fix} {name}_ms={reclaim} lingering={}",
                flavour.lingering_threads + flavour.lingering_tasks
            );
            bars.push((format!("{fix} ({name})"), reclaim as f64));
        }
    }
    if let Some(dir) = figures {
        // cargo runs a benchmark in its package's folder; a folder given on the command
        // line is read from the workspace root, where the command is typed.
        let dir = std::path::Path::new(workshop::expect::WORKSPACE_ROOT).join(dir);
        let file = dir.join("reclaim.svg");
        workshop::figures::bars(
            &file,
            "Blocked send: time to give everything back after the last call",
            "milliseconds after the last call returned",
            &bars,
        )?;
        println!("reclaim figure: {}", file.display());
    }
    Ok(())
}

fn run(fix: &str) -> anyhow::Result<Summary> {
    let output = Command::new(FIXED).args(["--json", "--pattern", fix]).output()?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    anyhow::ensure!(output.status.success(), "{fix} failed:\n{stdout}");
    Ok(workshop::expect::ran_of("the demo", &output).summary)
}
