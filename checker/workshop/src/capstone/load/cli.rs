//! The load command's flags, and the one line a person reads when a value is refused.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{CommandFactory as _, FromArgMatches as _, Parser};

pub(super) use crate::demo::cli::Refusal;
use crate::demo::cli::{parse_plot_file, refusal};

use super::Program;

/// The most clients a run sends in its rounds. Each holds two sockets while it is
/// served, one on each side, and a leaky server keeps its side for good.
const MOST_CLIENTS: usize = 1_000_000;

#[derive(Debug, Parser)]
#[command(
    after_help = "A round's clients connect, subscribe to the round's topics, receive \
                        one update and leave, half saying QUIT, half hanging up. After each \
                        round, the server's live tasks, its subscriptions and the process's \
                        memory are printed."
)]
pub(super) struct Args {
    /// How many clients come and go over the rounds.
    #[arg(long, value_name = "N", default_value = "1000", value_parser = parse_clients,
          allow_hyphen_values = true)]
    pub(super) clients: usize,
    /// In how many rounds they come.
    #[arg(long, value_name = "N", default_value = "10", value_parser = parse_clients,
          allow_hyphen_values = true)]
    pub(super) rounds: usize,
    /// Keep rounds coming, one a second, until Ctrl-C (a round is still --clients /
    /// --rounds clients): for a console to watch.
    #[arg(long, conflicts_with = "hold")]
    pub(super) until_stopped: bool,
    /// After the rounds, keep the server up with whatever it holds until Ctrl-C, for a
    /// console to look at.
    #[arg(long)]
    pub(super) hold: bool,
    /// Write an SVG of the server's live tasks and the process's memory to FILE: this
    /// run, and the runs given with --beside.
    #[arg(long, value_name = "FILE", value_parser = parse_plot_file)]
    pub(super) plot: Option<PathBuf>,
    /// Save what this run measured to FILE (JSON), to draw it later beside another run.
    #[arg(long, value_name = "FILE", value_parser = parse_plot_file)]
    pub(super) save: Option<PathBuf>,
    /// Draw a run saved with --save beside this one in --plot's figure (a solution's, or
    /// yours before a fix). May be given more than once.
    #[arg(long, value_name = "FILE")]
    pub(super) beside: Vec<PathBuf>,
}

impl Args {
    /// How many clients each round sends.
    pub(super) fn per_round(&self) -> usize {
        self.clients / self.rounds
    }
}

fn parse_clients(value: &str) -> Result<usize, String> {
    match value.parse::<usize>() {
        Ok(n) if (1..=MOST_CLIENTS).contains(&n) => Ok(n),
        _ => Err(format!("expected a whole number from 1 to {MOST_CLIENTS}")),
    }
}

pub(super) fn parse(
    program: &Program,
    args: impl IntoIterator<Item = impl Into<OsString> + Clone>,
) -> Result<Args, Refusal> {
    let about = format!(
        "Load for the capstone's subscription server, run on {}: clients come and go, \
         round after round, and the server's live tasks and the process's memory are \
         printed after each round.",
        program.server
    );
    let args = Args::command()
        .name(program.name)
        .bin_name(program.name)
        .about(about)
        .try_get_matches_from(args)
        .and_then(|matches| Args::from_arg_matches(&matches))
        .map_err(refusal)?;
    if !args.beside.is_empty() && args.plot.is_none() {
        return Err(Refusal::Usage(
            "error: --beside draws a saved run beside this one in a figure; name the figure \
             with --plot FILE.svg"
                .to_owned(),
        ));
    }
    if args.rounds > args.clients {
        return Err(Refusal::Usage(format!(
            "error: {} rounds of {} clients in all leave some rounds empty; try --rounds {} \
             or fewer",
            args.rounds, args.clients, args.clients
        )));
    }
    Ok(args)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROGRAM: Program = Program {
        name: "capstone-load",
        server: "your server",
        console_port: 6669,
    };

    fn parsed(args: &[&str]) -> Args {
        let all = std::iter::once("capstone-load").chain(args.iter().copied());
        parse(&PROGRAM, all).expect("accepted")
    }

    fn usage(args: &[&str]) -> String {
        let all = std::iter::once("capstone-load").chain(args.iter().copied());
        match parse(&PROGRAM, all) {
            Err(Refusal::Usage(line)) => line,
            Err(Refusal::Done(text)) => panic!("expected a usage error, got {text:?}"),
            Ok(args) => panic!("expected a usage error, got {args:?}"),
        }
    }

    #[test]
    fn the_default_run_is_ten_rounds_of_a_hundred_clients() {
        let args = parsed(&[]);
        assert_eq!((args.rounds, args.per_round()), (10, 100));
        assert!(!args.until_stopped && !args.hold);
    }

    #[test]
    fn more_rounds_than_clients_are_refused_with_the_most_that_would_do() {
        assert_eq!(
            usage(&["--clients", "3", "--rounds", "5"]),
            "error: 5 rounds of 3 clients in all leave some rounds empty; try --rounds 3 \
             or fewer"
        );
    }

    #[test]
    fn a_count_that_is_no_whole_number_above_zero_is_refused_naming_it() {
        for bad in ["0", "-4", "many", "2000000"] {
            let line = usage(&["--clients", bad]);
            assert!(line.contains(&format!("'{bad}'")), "{line}");
            assert!(line.contains("from 1 to 1000000"), "{line}");
        }
    }

    #[test]
    fn until_stopped_and_hold_are_two_endings_of_which_a_run_has_one() {
        let line = usage(&["--until-stopped", "--hold"]);
        assert!(
            line.contains("--until-stopped") && line.contains("--hold"),
            "{line}"
        );
    }

    #[test]
    fn a_run_drawn_beside_needs_a_figure_to_be_drawn_in() {
        let line = usage(&["--beside", "before.json"]);
        assert!(
            line.contains("name the figure with --plot FILE.svg"),
            "{line}"
        );
    }

    #[test]
    fn a_file_in_a_folder_that_does_not_exist_is_refused_before_the_run() {
        let line = usage(&["--save", "no/such/folder/run.json"]);
        assert!(
            line.contains("the folder no/such/folder does not exist"),
            "{line}"
        );
    }

    #[test]
    fn help_names_the_server_the_command_runs() {
        let all = ["capstone-load", "--help"];
        let Err(Refusal::Done(help)) = parse(&PROGRAM, all) else {
            panic!("--help prints help");
        };
        assert!(help.contains("run on your server"), "{help}");
        assert!(help.contains("--until-stopped"), "{help}");
    }
}
