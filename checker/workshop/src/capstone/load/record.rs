//! What a run measured, and `--save`/`--beside`: a run kept in a JSON file, to be drawn
//! later beside another (yours before and after a fix, or yours beside a solution's).

use std::path::Path;

use anyhow::Context as _;
use serde::{Deserialize, Serialize};

/// One run of the load on one server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Run {
    /// Which server ran: `your server`, `the solution`; a run read back from a file also
    /// names the file, so that two runs of your server can be told apart.
    pub server: String,
    /// What each round sent.
    pub clients_per_round: usize,
    /// The figures before the first round, then after each round.
    pub samples: Vec<Sample>,
}

/// The figures after a round.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Sample {
    /// The clients that have come and gone so far.
    pub gone: usize,
    /// The server's live tasks (its runtime's: the load's clients are no tasks).
    pub tasks: usize,
    /// The subscriptions the server holds.
    pub subscriptions: usize,
    /// The process's resident memory, where the platform says (Linux).
    pub rss: Option<u64>,
}

/// Writes `run` to `file`.
pub(super) fn save(file: &Path, run: &Run) -> anyhow::Result<()> {
    let json = serde_json::to_string_pretty(run).expect("a run is plain data");
    std::fs::write(file, json + "\n").with_context(|| format!("cannot write {}", file.display()))
}

/// Reads a run `save` wrote; its server's name then says which file it came from.
pub(super) fn load(file: &Path) -> anyhow::Result<Run> {
    let text = std::fs::read_to_string(file).with_context(|| {
        format!(
            "cannot read {} (--beside takes a file made with --save)",
            file.display()
        )
    })?;
    let mut run: Run = serde_json::from_str(&text).with_context(|| {
        format!(
            "{} is not a run saved by the load command; make one with --save {}",
            file.display(),
            file.display()
        )
    })?;
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    run.server = format!("{} ({name})", run.server);
    Ok(run)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run() -> Run {
        let sample = |gone, tasks| Sample {
            gone,
            tasks,
            subscriptions: gone,
            rss: Some(7 << 20),
        };
        Run {
            server: "your server".to_owned(),
            clients_per_round: 10,
            samples: vec![sample(0, 1), sample(10, 11), sample(20, 21)],
        }
    }

    #[test]
    fn a_saved_run_reads_back_named_after_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("before.json");
        save(&file, &run()).unwrap();
        let back = load(&file).unwrap();
        assert_eq!(back.server, "your server (before.json)");
        assert_eq!(
            Run {
                server: "your server".to_owned(),
                ..back
            },
            run()
        );
    }

    #[test]
    fn a_file_that_is_no_saved_run_is_refused_saying_how_to_make_one() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("load.svg");
        std::fs::write(&file, "<svg/>").unwrap();
        let error = format!("{:#}", load(&file).unwrap_err());
        assert!(
            error.contains("is not a run saved by the load command"),
            "{error}"
        );
        assert!(error.contains("--save"), "{error}");
    }

    #[test]
    fn a_missing_file_is_named() {
        let error = format!("{:#}", load(Path::new("no-such-run.json")).unwrap_err());
        assert!(error.contains("cannot read no-such-run.json"), "{error}");
    }
}
