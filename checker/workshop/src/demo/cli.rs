//! The demo's command line: the flags, what they accept, and the one line a person reads
//! when a value is refused.

use std::ffi::OsString;
use std::time::Duration;

use clap::{CommandFactory as _, FromArgMatches as _, Parser};

use super::Crate;
use crate::Pattern;
use crate::manifest::Flavour;

/// The longest duration a flag takes: a demo that waits longer is a typo.
const LONGEST: Duration = Duration::from_secs(3600);
/// The most calls a run makes. Each may leave a thread or a task behind: a hundred
/// thousand tasks are a few hundred megabytes; threads run out sooner, and the demo says
/// when the system refuses one.
const MOST_CALLS: usize = 100_000;

#[derive(Debug, Parser)]
#[command(
    after_help = "Durations read as 50ms, 1s or 1m. The default run keeps the classic \
                  1:10 ratio of deadline to check."
)]
pub(super) struct Cli {
    /// The pattern to run (see --list).
    #[arg(long, value_name = "NAME", default_value = "blocked-send")]
    pub(super) pattern: String,
    /// List the patterns, one a line, name first, and exit.
    #[arg(long)]
    pub(super) list: bool,
    /// Which flavour to run: threads, tasks or both.
    #[arg(long, visible_alias = "flavor", value_name = "FLAVOUR", default_value = "both",
          value_parser = parse_flavour)]
    pub(super) flavour: Choice,
    /// How many times the caller waits for readiness.
    #[arg(long, value_name = "N", default_value = "5", value_parser = parse_calls,
          allow_hyphen_values = true)]
    pub(super) calls: usize,
    /// How long each call waits before it gives up.
    #[arg(long, value_name = "DURATION", default_value = "100ms", value_parser = parse_duration,
          allow_hyphen_values = true)]
    pub(super) timeout: Duration,
    /// How long one readiness check takes.
    #[arg(long, value_name = "DURATION", default_value = "1s", value_parser = parse_duration,
          allow_hyphen_values = true)]
    pub(super) verify_takes: Duration,
    /// The worker's ticker: a check starts on a tick. A check that lasts a tick or longer
    /// finds the next tick already due (crossbeam's `tick` and tokio's `interval` deliver a
    /// missed tick at once), so the next check starts as soon as it ends.
    #[arg(long, value_name = "DURATION", default_value = "50ms", value_parser = parse_duration,
          allow_hyphen_values = true)]
    pub(super) tick: Duration,
    /// When the closing check comes, counted from the last call's return. What is alive
    /// then is reported as leaked. By default it comes once every check already started
    /// could have finished (one tick and one check, and a margin), so that what is left
    /// then will not end on its own.
    #[arg(long, value_name = "DURATION", value_parser = parse_duration,
          allow_hyphen_values = true)]
    pub(super) check_deadline: Option<Duration>,
    /// End with one JSON object on the last line.
    #[arg(long)]
    pub(super) json: bool,
    /// Write an SVG of live threads and tasks over the run to FILE.
    #[arg(long, value_name = "FILE", value_parser = parse_plot_file)]
    pub(super) plot: Option<std::path::PathBuf>,
}

/// The flavours a run was asked for (`--flavour`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Choice {
    Threads,
    Tasks,
    /// Every flavour the pattern has.
    Both,
}

fn parse_flavour(value: &str) -> Result<Choice, String> {
    match value {
        "threads" => Ok(Choice::Threads),
        "tasks" => Ok(Choice::Tasks),
        "both" => Ok(Choice::Both),
        _ => Err("expected threads, tasks or both".to_owned()),
    }
}

fn parse_calls(value: &str) -> Result<usize, String> {
    match value.parse::<usize>() {
        Ok(n) if (1..=MOST_CALLS).contains(&n) => Ok(n),
        _ => Err(format!("expected a whole number from 1 to {MOST_CALLS}")),
    }
}

/// A file the plot can be written to: its folder must exist, so that a long run is not
/// lost to a typo at its end. (The capstone's load command takes its files the same way.)
pub(crate) fn parse_plot_file(value: &str) -> Result<std::path::PathBuf, String> {
    let path = std::path::PathBuf::from(value);
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => std::path::Path::new("."),
    };
    if path.file_name().is_none() {
        return Err("name a file, such as run.svg".to_owned());
    }
    if !folder.is_dir() {
        return Err(format!(
            "the folder {} does not exist; name a file in a folder that does",
            folder.display()
        ));
    }
    Ok(path)
}

fn parse_duration(value: &str) -> Result<Duration, String> {
    const ACCEPTED: &str = "use a duration above zero such as 50ms, 1s or 1m";
    let parsed = humantime::parse_duration(value).map_err(|e| format!("{e}; {ACCEPTED}"))?;
    if parsed.is_zero() {
        return Err(format!(
            "a zero duration never lets anything happen; {ACCEPTED}"
        ));
    }
    if parsed > LONGEST {
        return Err(format!("at most 1h; {ACCEPTED}"));
    }
    Ok(parsed)
}

/// A run the command line asks for.
#[derive(Debug)]
pub(super) struct Request<'a> {
    pub(super) cli: Cli,
    pub(super) pattern: &'a Pattern,
    pub(super) flavours: Vec<Flavour>,
}

/// Why the command line asks for no run.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// `--help`, `--version` or `--list`: this text, then success.
    Done(String),
    /// Bad input: this one line, then exit status 2.
    Usage(String),
}

pub(super) fn parse<'a>(
    krate: &Crate,
    patterns: &'a [Pattern],
    args: impl IntoIterator<Item = impl Into<OsString> + Clone>,
) -> Result<Request<'a>, Refusal> {
    let command = Cli::command()
        .name(krate.name)
        .bin_name(krate.name)
        .about(krate.about);
    let cli = command
        .try_get_matches_from(args)
        .and_then(|matches| Cli::from_arg_matches(&matches))
        .map_err(refusal)?;
    if cli.list {
        let width = patterns.iter().map(|p| p.name.len()).max().unwrap_or(0);
        let list = patterns
            .iter()
            .map(|p| format!("{:<width$}  {}\n", p.name, p.summary))
            .collect();
        return Err(Refusal::Done(list));
    }
    let (pattern, flavours) =
        select(&cli, patterns).map_err(|e| Refusal::Usage(format!("error: {e}")))?;
    Ok(Request {
        cli,
        pattern,
        flavours,
    })
}

/// What clap's error means for the person: help or a version to print, or one line
/// that says what was wrong.
pub(crate) fn refusal(e: clap::Error) -> Refusal {
    let text = e.render().to_string();
    if e.use_stderr() {
        // clap's first line names the flag, the value and what is accepted; the rest is a
        // usage block the person did not ask for.
        Refusal::Usage(
            text.lines()
                .next()
                .unwrap_or("error: bad arguments")
                .to_owned(),
        )
    } else {
        Refusal::Done(text)
    }
}

/// The pattern and flavours asked for, or the one line that says why they cannot be run.
fn select<'a>(cli: &Cli, patterns: &'a [Pattern]) -> Result<(&'a Pattern, Vec<Flavour>), String> {
    let pattern = patterns
        .iter()
        .find(|p| p.name == cli.pattern)
        .ok_or_else(|| {
            let known: Vec<_> = patterns.iter().map(|p| p.name).collect();
            format!(
                "unknown pattern '{}' for '--pattern'; try --list (known: {})",
                cli.pattern,
                known.join(", ")
            )
        })?;
    let has = |flavour| match flavour {
        Flavour::Threads => pattern.threads.is_some(),
        Flavour::Tasks => pattern.tasks.is_some(),
    };
    let wanted = match cli.flavour {
        Choice::Threads => vec![Flavour::Threads],
        Choice::Tasks => vec![Flavour::Tasks],
        // Tasks first: a tokio runtime's tasks die with it, while threads left behind by
        // the thread flavour would still be ending during a later run and blur its
        // thread column.
        Choice::Both => [Flavour::Tasks, Flavour::Threads]
            .into_iter()
            .filter(|f| has(*f))
            .collect(),
    };
    if let Some(missing) = wanted.iter().find(|f| !has(**f)) {
        return Err(format!(
            "pattern '{}' has no {} flavour",
            pattern.name,
            missing.name()
        ));
    }
    Ok((pattern, wanted))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TASKS_ONLY: Pattern = Pattern {
        name: "tasks-only",
        module: "tasks_only",
        summary: "a pattern with no thread flavour",
        service: crate::Service::ComesUp,
        threads: None,
        tasks: Some(|_| Box::new(|| Box::pin(async { Ok(()) }))),
        threads_note: None,
        tasks_note: None,
    };
    const BOTH: Pattern = Pattern {
        name: "blocked-send",
        module: "blocked_send",
        summary: "both flavours",
        service: crate::Service::ComesUp,
        threads: Some(|_| Box::new(|| Ok(()))),
        tasks: Some(|_| Box::new(|| Box::pin(async { Ok(()) }))),
        threads_note: None,
        tasks_note: None,
    };

    const LEAKY: Crate = Crate {
        name: "leaky",
        about: "Shows the leaks.",
        exercises: None,
        leaks_expected: true,
        console_port: crate::console::LEAKY_PORT,
    };

    fn refusal(args: &[&str]) -> Refusal {
        let args = std::iter::once("leaky").chain(args.iter().copied());
        parse(&LEAKY, &[BOTH, TASKS_ONLY], args).expect_err("the arguments should be refused")
    }

    fn usage(args: &[&str]) -> String {
        match refusal(args) {
            Refusal::Usage(line) => line,
            Refusal::Done(text) => panic!("expected a usage error, got {text:?}"),
        }
    }

    #[test]
    fn the_defaults_keep_the_one_to_ten_ratio() {
        let request = parse(&LEAKY, &[BOTH], ["leaky"]).unwrap();
        assert_eq!(request.cli.timeout * 10, request.cli.verify_takes);
        assert_eq!(request.cli.calls, 5);
        assert_eq!(request.cli.check_deadline, None);
        assert_eq!(request.flavours, [Flavour::Tasks, Flavour::Threads]);
    }

    #[test]
    fn durations_read_as_people_write_them() {
        let request = parse(
            &LEAKY,
            &[BOTH],
            [
                "leaky",
                "--timeout",
                "50ms",
                "--verify-takes",
                "1m",
                "--tick",
                "1s",
            ],
        )
        .unwrap();
        assert_eq!(request.cli.timeout, Duration::from_millis(50));
        assert_eq!(request.cli.verify_takes, Duration::from_secs(60));
        assert_eq!(request.cli.tick, Duration::from_secs(1));
    }

    #[test]
    fn a_zero_duration_is_refused_with_the_flag_and_the_way_out() {
        let line = usage(&["--timeout", "0s"]);
        assert!(
            line.contains("'0s'") && line.contains("--timeout"),
            "{line}"
        );
        assert!(line.contains("such as 50ms, 1s or 1m"), "{line}");
    }

    #[test]
    fn an_unreadable_duration_is_refused() {
        let line = usage(&["--check-deadline", "soon"]);
        assert!(
            line.contains("'soon'") && line.contains("--check-deadline"),
            "{line}"
        );
        assert!(line.contains("such as 50ms"), "{line}");
    }

    #[test]
    fn zero_calls_are_refused() {
        let line = usage(&["--calls", "0"]);
        assert!(line.contains("'0'") && line.contains("--calls"), "{line}");
        assert!(line.contains("from 1 to"), "{line}");
    }

    #[test]
    fn a_negative_number_gets_the_flags_own_message() {
        let line = usage(&["--calls", "-1"]);
        assert!(line.contains("'-1'") && line.contains("--calls"), "{line}");
        assert!(line.contains("from 1 to"), "{line}");
        let line = usage(&["--timeout", "-5ms"]);
        assert!(
            line.contains("'-5ms'") && line.contains("--timeout"),
            "{line}"
        );
    }

    #[test]
    fn a_plot_in_a_folder_that_does_not_exist_is_refused_at_once() {
        let line = usage(&["--plot", "/nonexistent/run.svg"]);
        assert!(
            line.contains("'/nonexistent/run.svg'") && line.contains("--plot"),
            "{line}"
        );
        assert!(
            line.contains("the folder /nonexistent does not exist"),
            "{line}"
        );
    }

    #[test]
    fn the_flavour_is_read_in_either_spelling() {
        for flag in ["--flavor", "--flavour"] {
            let request = parse(&LEAKY, &[BOTH], ["leaky", flag, "threads"]).unwrap();
            assert_eq!(request.flavours, [Flavour::Threads], "{flag}");
        }
    }

    #[test]
    fn the_list_lines_up_every_summary() {
        let Refusal::Done(list) = refusal(&["--list"]) else {
            panic!("--list should succeed");
        };
        // Where each summary starts: after the name and the spaces that follow it.
        let columns: Vec<usize> = list
            .lines()
            .map(|line| {
                let name = line.find(' ').unwrap();
                name + line[name..].find(|c| c != ' ').unwrap()
            })
            .collect();
        assert!(columns.windows(2).all(|pair| pair[0] == pair[1]), "{list}");
    }

    #[test]
    fn an_unknown_flavour_names_the_accepted_ones() {
        let line = usage(&["--flavour", "fibers"]);
        assert!(
            line.contains("'fibers'") && line.contains("--flavour"),
            "{line}"
        );
        assert!(line.contains("threads, tasks or both"), "{line}");
    }

    #[test]
    fn an_unknown_pattern_points_to_the_list() {
        let line = usage(&["--pattern", "blockd-send"]);
        assert_eq!(
            line,
            "error: unknown pattern 'blockd-send' for '--pattern'; try --list \
             (known: blocked-send, tasks-only)"
        );
    }

    #[test]
    fn a_missing_flavour_is_named() {
        let line = usage(&["--pattern", "tasks-only", "--flavour", "threads"]);
        assert_eq!(line, "error: pattern 'tasks-only' has no threads flavour");
    }

    #[test]
    fn both_flavours_means_every_flavour_the_pattern_has() {
        let request = parse(&LEAKY, &[TASKS_ONLY], ["leaky", "--pattern", "tasks-only"]).unwrap();
        assert_eq!(request.flavours, [Flavour::Tasks]);
    }

    #[test]
    fn the_list_is_one_pattern_a_line_name_first() {
        let Refusal::Done(list) = refusal(&["--list"]) else {
            panic!("--list should succeed");
        };
        let names: Vec<_> = list
            .lines()
            .map(|l| l.split_whitespace().next().unwrap())
            .collect();
        assert_eq!(names, ["blocked-send", "tasks-only"]);
    }

    #[test]
    fn every_refusal_is_one_line() {
        for args in [&["--calls", "x"][..], &["--nope"], &["--timeout"]] {
            let line = usage(args);
            assert_eq!(line.lines().count(), 1, "{line}");
            assert!(line.starts_with("error: "), "{line}");
        }
    }

    #[test]
    fn help_says_a_check_longer_than_a_tick_is_followed_at_once() {
        let Refusal::Done(help) = refusal(&["--help"]) else {
            panic!("--help should succeed");
        };
        let tick = help.split("--tick").nth(1).expect("--tick is listed");
        let tick = tick.split("--check-deadline").next().unwrap();
        let words = tick.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            words.contains("the next check starts as soon as it ends"),
            "{tick}"
        );
        assert!(!words.contains("How often"), "{tick}");
    }

    #[test]
    fn help_names_the_binary_and_says_what_it_shows() {
        let Refusal::Done(help) = refusal(&["--help"]) else {
            panic!("--help should succeed");
        };
        assert!(help.contains("Usage: leaky"), "{help}");
        assert!(help.starts_with("Shows the leaks."), "{help}");
    }
}
