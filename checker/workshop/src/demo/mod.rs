//! The demo both binaries run: call a pattern a few times, count what lingers right after
//! the last call and what is leaked at the closing check, and let the checker name it.
//!
//! `cargo run -p leaky -- --help` lists the flags. Bad input exits with status 2 and one
//! line that names the flag, the value and what is accepted. `fixed` exits with status 1
//! when anything is leaked at the closing check: a fix must leave nothing behind.
//!
//! One file per part: [`cli`] reads the command line, [`census`] runs the calls and
//! counts, [`sampler`] watches threads, tasks and memory over the run, [`text`] says it
//! in words, [`progress`] draws the bar of a long run, [`json`] writes the
//! machine-readable line, and [`plot`] the picture.

mod census;
pub(crate) mod cli;
mod json;
mod plot;
mod progress;
mod sampler;
mod text;

use std::io::IsTerminal as _;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use crate::manifest::Flavour;
pub use cli::Choice;
use cli::{Refusal, Request};
pub use json::{FlavourSummary, LaterCall, Summary};
pub use sampler::resident_bytes;

use crate::{Pattern, Scenario};

/// The binary a demo runs as.
#[derive(Debug, Clone, Copy)]
pub struct Crate {
    /// `leaky` or `fixed`: the binary's name, and the crate whose patterns run.
    pub name: &'static str,
    /// What `--help` says the binary shows.
    pub about: &'static str,
    /// Where the exercises of this crate's patterns live, from the workspace root, if it
    /// has them: `leaky/exercises`.
    pub exercises: Option<&'static str>,
    /// Whether the patterns are meant to leak (`leaky`): then a run that leaks succeeds,
    /// and a run that shows no leak says why. Otherwise a leak fails the run.
    pub leaks_expected: bool,
    /// Where its console build serves tokio-console, unless `TOKIO_CONSOLE_BIND` says
    /// otherwise: [`crate::console::LEAKY_PORT`] or [`crate::console::FIXED_PORT`].
    pub console_port: u16,
}

/// Runs the demo of `krate` over `patterns`: the whole `main` of both binaries.
pub fn main(krate: &Crate, patterns: &[Pattern]) -> ExitCode {
    census::hush_calls();
    let request = match cli::parse(krate, patterns, std::env::args_os()) {
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
    if let Err(e) = crate::console::serve(krate.console_port) {
        eprintln!("error: {e:#}");
        return ExitCode::FAILURE;
    }
    match run(krate, &request) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(krate: &Crate, request: &Request<'_>) -> anyhow::Result<ExitCode> {
    let Request {
        cli,
        pattern,
        flavours,
    } = request;
    let scenario = Scenario {
        calls: cli.calls,
        timeout: cli.timeout,
        verify_takes: cli.verify_takes,
        tick: cli.tick,
    };
    let closing = census::closing_check(&scenario, cli.check_deadline);
    let settle = census::settle_time(&scenario);
    let started = Instant::now();
    let mut censuses = Vec::new();
    let run = census::Run {
        pattern,
        scenario: &scenario,
        closing,
        sample: cli.plot.is_some(),
        progress: !cli.json && std::io::stderr().is_terminal(),
    };
    for &flavour in flavours {
        text::flavour_header(krate.name, pattern.name, flavour, &scenario);
        let census = match flavour {
            Flavour::Threads => census::run_threads(&run),
            Flavour::Tasks => census::run_tasks(&run)?,
        };
        let note = match flavour {
            Flavour::Threads => pattern.threads_note,
            Flavour::Tasks => pattern.tasks_note,
        };
        text::moments(&census, &scenario, closing, settle, note);
        censuses.push(census);
        println!();
    }
    let elapsed = started.elapsed();
    let code = closing_lines(krate, pattern, &censuses, &scenario, elapsed);
    if let Some(file) = &cli.plot {
        plot::draw(file, &format!("{} {}", krate.name, pattern.name), &censuses)?;
        println!("plot: {}", file.display());
    }
    if let Some(dir) = krate.exercises {
        let flavour = if flavours.contains(&Flavour::Threads) {
            Flavour::Threads
        } else {
            Flavour::Tasks
        };
        let module = pattern.module;
        println!(
            "Try it yourself: edit {dir}/{module}/{flavour}.rs, then run\n  \
             cargo test -p {} --test {module}_{flavour}",
            krate.name,
            flavour = flavour.name(),
        );
    }
    if cli.json {
        let summary = Summary::of(krate.name, request, &scenario, closing, &censuses, elapsed);
        println!("{}", summary.line());
    }
    Ok(code)
}

/// The run's verdict in words, and the exit status it earns.
fn closing_lines(
    krate: &Crate,
    pattern: &Pattern,
    censuses: &[Census],
    scenario: &Scenario,
    elapsed: Duration,
) -> ExitCode {
    let total = |f: fn(&Census) -> usize| censuses.iter().map(f).sum::<usize>();
    let leaked = text::counted(total(|c| c.leaked_threads), total(|c| c.leaked_tasks));
    let wrong = total(|c| c.wrong_results);
    let name = krate.name;
    let took = text::human(elapsed);
    let wrong_results = match wrong {
        1 => "1 wrong result".to_owned(),
        n => format!("{n} wrong results"),
    };
    let left = verdict(
        (total(|c| c.leaked_threads), total(|c| c.leaked_tasks)),
        (total(|c| c.lingering_threads), total(|c| c.lingering_tasks)),
    );
    println!("{name}: {left}; {wrong_results}; in {took}");
    if wrong > 0 {
        println!(
            "  (a wrong result: a call said ready before its own check could finish;\n   the \
             answer was meant for an earlier call)"
        );
    }
    let showed_harm = total(Census::leaked) + wrong > 0;
    if krate.leaks_expected && !showed_harm {
        let why = if total(|c| c.timed_out) == 0 {
            format!(
                "every call was answered before its deadline, so no worker was left behind; \
                 give the calls less time than one check takes (--timeout below --verify-takes, \
                 now {} and {})",
                text::human(scenario.timeout),
                text::human(scenario.verify_takes)
            )
        } else {
            "every worker a timed-out call left behind had ended by the closing check".to_owned()
        };
        println!("{name}: no leak showed this time ({}): {why}", pattern.name);
    }
    if !krate.leaks_expected && total(Census::leaked) > 0 {
        println!("{name}: a fix must leave nothing behind, and this run left {leaked}");
        return ExitCode::FAILURE;
    }
    if let Some(why) = censuses.iter().find_map(|c| c.stopped.as_deref()) {
        println!("{name}: the run stopped early ({why}); what it left is counted above");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// What the run left, in words: leaked for good, lingered and given back, or nothing; each
/// a `(threads, tasks)` count.
fn verdict(leaked: (usize, usize), lingered: (usize, usize)) -> String {
    if leaked.0 + leaked.1 > 0 {
        return format!("{} leaked, for good", text::counted(leaked.0, leaked.1));
    }
    match lingered.0 + lingered.1 {
        0 => "nothing leaked, nothing lingered".to_owned(),
        n => format!(
            "nothing leaked; {} lingered and {} given back",
            text::counted(lingered.0, lingered.1),
            if n == 1 { "was" } else { "were" }
        ),
    }
}

use census::Census;

#[cfg(test)]
mod tests {
    use super::verdict;

    #[test]
    fn the_verdict_agrees_with_its_count() {
        assert_eq!(
            verdict((3, 2), (3, 3)),
            "3 threads and 2 tasks leaked, for good"
        );
        assert_eq!(
            verdict((0, 0), (0, 1)),
            "nothing leaked; 1 task lingered and was given back"
        );
        assert_eq!(
            verdict((0, 0), (1, 1)),
            "nothing leaked; 1 thread and 1 task lingered and were given back"
        );
        assert_eq!(verdict((0, 0), (0, 0)), "nothing leaked, nothing lingered");
    }
}
