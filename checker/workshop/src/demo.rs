//! The demo both binaries run: call a pattern a few times, watch threads and tasks pile up
//! (or not), then let the checker give its verdict.
//!
//! `cargo run -p leaky -- --help` lists the flags. Bad input exits with status 2 and one
//! line that names the flag, the value and what is accepted.

use std::ffi::OsString;
use std::fmt::Write as _;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use checker::{Options, TaskSnapshot, ThreadSnapshot};
use clap::{CommandFactory as _, FromArgMatches as _, Parser};

use crate::{Pattern, Scenario, TimedOut};

/// The longest duration a flag takes: a demo that waits longer is a typo.
const LONGEST: Duration = Duration::from_secs(3600);
/// The most calls a run makes: each may leave a thread behind.
const MOST_CALLS: usize = 10_000;

#[derive(Debug, Parser)]
#[command(
    about = "Calls a leak pattern a few times and shows what it leaves behind.",
    after_help = "Durations read as 50ms, 1s or 1m. The default run keeps the classic 1:10 \
                  ratio of deadline to check."
)]
struct Cli {
    /// The pattern to run (see --list).
    #[arg(long, value_name = "NAME", default_value = "blocked-send")]
    pattern: String,
    /// List the patterns, one a line, name first, and exit.
    #[arg(long)]
    list: bool,
    /// Which flavour to run: threads, tasks or both.
    #[arg(long, value_name = "FLAVOR", default_value = "both", value_parser = parse_flavor)]
    flavor: Choice,
    /// How many times the caller waits for readiness.
    #[arg(long, value_name = "N", default_value = "5", value_parser = parse_calls)]
    calls: usize,
    /// How long each call waits before it gives up.
    #[arg(long, value_name = "DURATION", default_value = "100ms", value_parser = parse_duration)]
    timeout: Duration,
    /// How long one readiness check takes.
    #[arg(long, value_name = "DURATION", default_value = "1s", value_parser = parse_duration)]
    verify_takes: Duration,
    /// How often the worker runs the check.
    #[arg(long, value_name = "DURATION", default_value = "50ms", value_parser = parse_duration)]
    tick: Duration,
    /// How long the closing check waits for stragglers before it reports them.
    #[arg(long, value_name = "DURATION", default_value = "200ms", value_parser = parse_duration)]
    check_deadline: Duration,
    /// End with one JSON object on the last line.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Choice {
    Threads,
    Tasks,
    Both,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flavor {
    Threads,
    Tasks,
}

impl Flavor {
    fn name(self) -> &'static str {
        match self {
            Flavor::Threads => "threads",
            Flavor::Tasks => "tasks",
        }
    }
}

fn parse_flavor(value: &str) -> Result<Choice, String> {
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

/// What one flavour's run found.
struct Run {
    flavor: Flavor,
    leaked_threads: usize,
    leaked_tasks: usize,
    wrong_results: usize,
}

/// Runs the demo of `crate_name` over `patterns`: the whole `main` of both binaries.
pub fn main(crate_name: &'static str, patterns: &[Pattern]) -> ExitCode {
    let request = match parse(crate_name, patterns, std::env::args_os()) {
        Ok(request) => request,
        Err(Refusal::Done(text)) => {
            print!("{text}");
            return ExitCode::SUCCESS;
        }
        Err(Refusal::Usage(line)) => {
            eprintln!("{line}");
            return ExitCode::from(2);
        }
    };
    match run(crate_name, &request) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// A run the command line asks for.
#[derive(Debug)]
struct Request<'a> {
    cli: Cli,
    pattern: &'a Pattern,
    flavors: Vec<Flavor>,
}

/// Why the command line asks for no run.
#[derive(Debug, PartialEq, Eq)]
enum Refusal {
    /// `--help`, `--version` or `--list`: this text, then success.
    Done(String),
    /// Bad input: this one line, then exit status 2.
    Usage(String),
}

fn parse<'a>(
    crate_name: &'static str,
    patterns: &'a [Pattern],
    args: impl IntoIterator<Item = impl Into<OsString> + Clone>,
) -> Result<Request<'a>, Refusal> {
    let command = Cli::command().name(crate_name).bin_name(crate_name);
    let cli = command
        .try_get_matches_from(args)
        .and_then(|matches| Cli::from_arg_matches(&matches))
        .map_err(|e| {
            let text = e.render().to_string();
            if e.use_stderr() {
                // clap's first line names the flag, the value and what is accepted; the
                // rest is a usage block the person did not ask for.
                Refusal::Usage(
                    text.lines()
                        .next()
                        .unwrap_or("error: bad arguments")
                        .to_owned(),
                )
            } else {
                Refusal::Done(text)
            }
        })?;
    if cli.list {
        let list = patterns
            .iter()
            .map(|p| format!("{:<24} {}\n", p.name, p.summary))
            .collect();
        return Err(Refusal::Done(list));
    }
    let (pattern, flavors) =
        select(&cli, patterns).map_err(|e| Refusal::Usage(format!("error: {e}")))?;
    Ok(Request {
        cli,
        pattern,
        flavors,
    })
}

/// The pattern and flavours asked for, or the one line that says why they cannot be run.
fn select<'a>(cli: &Cli, patterns: &'a [Pattern]) -> Result<(&'a Pattern, Vec<Flavor>), String> {
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
    let has = |flavor| match flavor {
        Flavor::Threads => pattern.threads.is_some(),
        Flavor::Tasks => pattern.tasks.is_some(),
    };
    let wanted = match cli.flavor {
        Choice::Threads => vec![Flavor::Threads],
        Choice::Tasks => vec![Flavor::Tasks],
        // Tasks first: a tokio runtime's tasks die with it, while threads left behind by
        // the thread flavour would still be ending during a later run and blur its
        // thread column.
        Choice::Both => [Flavor::Tasks, Flavor::Threads]
            .into_iter()
            .filter(|f| has(*f))
            .collect(),
    };
    if let Some(missing) = wanted.iter().find(|f| !has(**f)) {
        return Err(format!(
            "pattern '{}' has no {} flavor",
            pattern.name,
            missing.name()
        ));
    }
    Ok((pattern, wanted))
}

fn run(crate_name: &str, request: &Request<'_>) -> anyhow::Result<()> {
    let Request {
        cli,
        pattern,
        flavors,
    } = request;
    let scenario = Scenario {
        calls: cli.calls,
        timeout: cli.timeout,
        verify_takes: cli.verify_takes,
        tick: cli.tick,
    };
    let options = Options::default().deadline(cli.check_deadline);
    let started = Instant::now();
    let mut runs = Vec::new();
    for &flavor in flavors {
        println!(
            "{crate_name} {} ({}): {} calls, each gives up after {}; one check takes {}, \
             every {}",
            pattern.name,
            flavor.name(),
            scenario.calls,
            human(scenario.timeout),
            human(scenario.verify_takes),
            human(scenario.tick),
        );
        let run = match flavor {
            Flavor::Threads => run_threads(pattern, &scenario, &options),
            Flavor::Tasks => run_tasks(pattern, &scenario, &options)?,
        };
        runs.push(run);
        println!();
    }
    let elapsed = started.elapsed();
    let total = |f: fn(&Run) -> usize| runs.iter().map(f).sum::<usize>();
    println!(
        "{crate_name}: {} leaked threads, {} leaked tasks, {} wrong results, in {}",
        total(|r| r.leaked_threads),
        total(|r| r.leaked_tasks),
        total(|r| r.wrong_results),
        human(elapsed)
    );
    if total(|r| r.wrong_results) > 0 {
        println!(
            "  (a wrong result: a call said ready sooner than its own check could finish; \
             the answer was meant for an earlier call)"
        );
    }
    if cli.json {
        let json = serde_json::json!({
            "crate": crate_name,
            "pattern": pattern.name,
            "flavor": match cli.flavor {
                Choice::Threads => "threads",
                Choice::Tasks => "tasks",
                Choice::Both => "both",
            },
            "flavors": runs.iter().map(|r| serde_json::json!({
                "flavor": r.flavor.name(),
                "leaked_threads": r.leaked_threads,
                "leaked_tasks": r.leaked_tasks,
                "wrong_results": r.wrong_results,
            })).collect::<Vec<_>>(),
            "calls": scenario.calls,
            "timeout_ms": scenario.timeout.as_millis(),
            "verify_takes_ms": scenario.verify_takes.as_millis(),
            "tick_ms": scenario.tick.as_millis(),
            "check_deadline_ms": cli.check_deadline.as_millis(),
            "leaked_threads": total(|r| r.leaked_threads),
            "leaked_tasks": total(|r| r.leaked_tasks),
            "wrong_results": total(|r| r.wrong_results),
            "elapsed_ms": elapsed.as_millis(),
        });
        println!("{json}");
    }
    Ok(())
}

/// A call that says "ready" sooner than its own check could have finished has been handed
/// an answer meant for an earlier call: a wrong result.
fn is_wrong(outcome: &Result<(), TimedOut>, took: Duration, scenario: &Scenario) -> bool {
    outcome.is_ok() && took < scenario.verify_takes
}

fn run_threads(pattern: &Pattern, scenario: &Scenario, options: &Options) -> Run {
    let make = pattern.threads.expect("selected flavours exist");
    let threads = ThreadSnapshot::take();
    let mut call = make(scenario);
    let mut wrong_results = 0;
    for i in 1..=scenario.calls {
        let begun = Instant::now();
        let outcome = call();
        let took = begun.elapsed();
        wrong_results += usize::from(show_call(i, scenario, took, &outcome, &threads, None));
    }
    // The caller (and whatever channel it owns) stays alive through the verdict: the
    // leaks shown here last exactly as long as that.
    let verdict = threads.verify(options);
    drop(call);
    let leaked_threads = verdict.as_ref().err().map_or(0, |r| r.threads().len());
    print_verdict(verdict, "threads");
    Run {
        flavor: Flavor::Threads,
        leaked_threads,
        leaked_tasks: 0,
        wrong_results,
    }
}

fn run_tasks(pattern: &Pattern, scenario: &Scenario, options: &Options) -> anyhow::Result<Run> {
    let make = pattern.tasks.expect("selected flavours exist");
    // A current-thread runtime adds no thread, so the thread column stays honest.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .context("cannot start the tokio runtime for the tasks flavor")?;
    let threads = ThreadSnapshot::take();
    runtime.block_on(async {
        let tasks = TaskSnapshot::take(&tokio::runtime::Handle::current());
        let mut call = make(scenario);
        let mut wrong_results = 0;
        for i in 1..=scenario.calls {
            let begun = Instant::now();
            let outcome = call().await;
            let took = begun.elapsed();
            let tasks = Some(&tasks);
            wrong_results += usize::from(show_call(i, scenario, took, &outcome, &threads, tasks));
        }
        let verdict = tasks.verify(options).await;
        drop(call);
        let leaked_tasks = verdict.as_ref().err().map_or(0, |r| r.tasks());
        print_verdict(verdict, "tasks");
        Ok(Run {
            flavor: Flavor::Tasks,
            leaked_threads: 0,
            leaked_tasks,
            wrong_results,
        })
    })
}

/// Prints one call's line (elapsed, outcome, live threads and tasks against the start)
/// and says whether the call's result was wrong.
fn show_call(
    i: usize,
    scenario: &Scenario,
    took: Duration,
    outcome: &Result<(), TimedOut>,
    threads: &ThreadSnapshot,
    tasks: Option<&TaskSnapshot>,
) -> bool {
    let wrong = is_wrong(outcome, took, scenario);
    let width = scenario.calls.to_string().len();
    let said = match outcome {
        Ok(()) if wrong => "stale ready",
        Ok(()) => "ready",
        Err(_) => "timed out",
    };
    let mut line = format!(
        "  call {i:>width$}/{}  {:>8}  {said:<11}  threads {}",
        scenario.calls,
        human(took),
        against(ThreadSnapshot::take().len(), threads.len()),
    );
    if let Some(tasks) = tasks {
        let _ = write!(
            line,
            "  tasks {}",
            against(tasks.alive_now(), tasks.alive())
        );
    }
    println!("{line}");
    wrong
}

/// `7 (+5)`: a live count against the count at the start.
fn against(now: usize, start: usize) -> String {
    let delta = now as i64 - start as i64;
    format!("{now} ({delta:+})")
}

fn print_verdict(verdict: Result<(), checker::LeakReport>, what: &str) {
    match verdict {
        Ok(()) => println!("  checker: no leaked {what}"),
        Err(report) => {
            println!("  checker:");
            for line in report.to_string().lines() {
                if line.is_empty() {
                    println!();
                } else {
                    println!("    {line}");
                }
            }
        }
    }
}

/// `100ms`, `100.4ms`, `1.25s`: what a person reads in a timing column.
fn human(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1e3;
    if ms < 1e3 {
        format!("{}ms", trim_zeros(format!("{ms:.1}")))
    } else {
        format!("{}s", trim_zeros(format!("{:.2}", ms / 1e3)))
    }
}

fn trim_zeros(number: String) -> String {
    if number.contains('.') {
        number
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_owned()
    } else {
        number
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TASKS_ONLY: Pattern = Pattern {
        name: "tasks-only",
        summary: "a pattern with no thread flavour",
        threads: None,
        tasks: Some(|_| Box::new(|| Box::pin(async { Ok(()) }))),
    };
    const BOTH: Pattern = Pattern {
        name: "blocked-send",
        summary: "both flavours",
        threads: Some(|_| Box::new(|| Ok(()))),
        tasks: Some(|_| Box::new(|| Box::pin(async { Ok(()) }))),
    };

    fn refusal(args: &[&str]) -> Refusal {
        let args = std::iter::once("leaky").chain(args.iter().copied());
        parse("leaky", &[BOTH, TASKS_ONLY], args).expect_err("the arguments should be refused")
    }

    fn usage(args: &[&str]) -> String {
        match refusal(args) {
            Refusal::Usage(line) => line,
            Refusal::Done(text) => panic!("expected a usage error, got {text:?}"),
        }
    }

    #[test]
    fn the_defaults_keep_the_one_to_ten_ratio() {
        let request = parse("leaky", &[BOTH], ["leaky"]).unwrap();
        assert_eq!(request.cli.timeout * 10, request.cli.verify_takes);
        assert_eq!(request.cli.calls, 5);
        assert_eq!(request.cli.check_deadline, Duration::from_millis(200));
        assert_eq!(request.flavors, [Flavor::Tasks, Flavor::Threads]);
    }

    #[test]
    fn durations_read_as_people_write_them() {
        let request = parse(
            "leaky",
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
    fn an_unknown_flavor_names_the_accepted_ones() {
        let line = usage(&["--flavor", "fibers"]);
        assert!(
            line.contains("'fibers'") && line.contains("--flavor"),
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
    fn a_missing_flavor_is_named() {
        let line = usage(&["--pattern", "tasks-only", "--flavor", "threads"]);
        assert_eq!(line, "error: pattern 'tasks-only' has no threads flavor");
    }

    #[test]
    fn both_flavors_means_every_flavor_the_pattern_has() {
        let request = parse("leaky", &[TASKS_ONLY], ["leaky", "--pattern", "tasks-only"]).unwrap();
        assert_eq!(request.flavors, [Flavor::Tasks]);
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
    fn help_names_the_binary() {
        let Refusal::Done(help) = refusal(&["--help"]) else {
            panic!("--help should succeed");
        };
        assert!(help.contains("Usage: leaky"), "{help}");
    }

    #[test]
    fn timings_read_short() {
        assert_eq!(human(Duration::from_millis(100)), "100ms");
        assert_eq!(human(Duration::from_micros(100_400)), "100.4ms");
        assert_eq!(human(Duration::from_millis(1250)), "1.25s");
        assert_eq!(human(Duration::from_secs(2)), "2s");
    }
}
