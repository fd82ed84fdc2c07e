//! What a leak costs in memory: the demo leaks exactly N threads or N tasks (the endless
//! ticker, which never ends), and the operating system says how much the process grew by
//! the time its last call returned, before the checker's verdicts: what the checker keeps
//! for a report is not counted as the leaks' cost.
//!
//! `cargo bench -p leaky` prints one line per run and the cost per leak; with
//! `-- --figures DIR` it also draws `DIR/memory-per-leak.svg`.

use std::process::Command;

use workshop::demo::Summary;
use workshop::manifest::Flavour;

const LEAKY: &str = env!("CARGO_BIN_EXE_leaky");

/// Leaked counts per flavour: threads are the dearer, so fewer.
const THREADS: [u64; 4] = [10, 100, 500, 1000];
const TASKS: [u64; 4] = [100, 1000, 5000, 10_000];

fn main() -> anyhow::Result<()> {
    let figures = std::env::args().skip_while(|a| a != "--figures").nth(1);
    let mut series = Vec::new();
    let mut measured = String::new();
    for (kind, counts) in
        [(Flavour::Threads, &THREADS[..]), (Flavour::Tasks, &TASKS[..])]
    {
        let flavour = kind.name();
        let mut points = Vec::new();
        for &n in counts {
            let summary = leak(flavour, n)?;
            let leaked = match kind {
                Flavour::Threads => summary.leaked_threads,
                Flavour::Tasks => summary.leaked_tasks,
            } as u64;
            let grew = summary.rss_growth_bytes.unwrap_or(0);
            anyhow::ensure!(
                leaked == n,
                "{flavour}: asked for {n} leaks, got {leaked}"
            );
            println!(
                "costs {flavour}_leaked={n} rss_growth_bytes={grew} per_leak_bytes={}",
                grew / n as i64
            );
            points.push((n as f64, grew as f64 / (1024.0 * 1024.0)));
        }
        let (n, mib) = points.last().copied().unwrap_or_default();
        let one = &flavour[..flavour.len() - 1];
        let kib = mib * 1024.0 / n;
        println!("costs memory_per_leaked_{one}_kib={kib:.1} (at {n} leaked)");
        measured.push_str(&format!(
            "{kib:.1} KiB of resident memory per leaked {one} ({n} {flavour} leaked)\n"
        ));
        series.push((flavour, points));
    }
    if let Some(dir) = figures {
        // cargo runs a benchmark in its package's folder; a folder given on the command
        // line is read from the workspace root, where the command is typed.
        let dir = std::path::Path::new(workshop::expect::WORKSPACE_ROOT).join(dir);
        let file = dir.join("memory-per-leak.svg");
        workshop::figures::lines(
            &file,
            "Resident memory against what leaked (endless ticker, release build)",
            "leaked threads or tasks",
            "MiB gained by the process",
            &series,
        )?;
        println!("costs figure: {}", file.display());
        // The figures the book quotes, from this run: it includes this file.
        let text = dir.join("memory-per-leak.txt");
        std::fs::write(&text, measured)
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", text.display()))?;
    }
    Ok(())
}

/// One run of the demo that leaks exactly `n` of `flavour`.
fn leak(flavour: &str, n: u64) -> anyhow::Result<Summary> {
    let output = Command::new(LEAKY)
        .args(["--json", "--pattern", "endless-ticker", "--flavour", flavour])
        .args([
            "--calls",
            &n.to_string(),
            "--timeout",
            "1ms",
            "--check-deadline",
            "10ms",
        ])
        .output()?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    anyhow::ensure!(output.status.success(), "the demo failed:\n{stdout}");
    Ok(workshop::expect::ran_of("the demo", &output).summary)
}
