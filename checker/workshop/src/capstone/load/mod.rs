//! The capstone's load command: clients connect to the subscription server, subscribe,
//! receive an update and leave, round after round, and after each round the server's
//! live tasks and the process's memory are printed. A server that leaks climbs with the
//! clients that have left; a fixed one stays flat.
//!
//! Each side runs it on its own server: `cargo run -p leaky --example capstone-load` on
//! the learner's (`leaky/capstone/server.rs`), `cargo run -p fixed --example
//! capstone-load` on a solution. `--help` lists the flags; `--until-stopped` keeps
//! clients coming until Ctrl-C, for a console to watch (the [`console`](crate::console)
//! build), and `--save` and `--beside` put two runs, yours and a solution's or yours
//! before and after a fix, on one figure.
//!
//! One file per part: [`cli`] reads the command line, [`rounds`] runs the clients and
//! measures, [`record`] keeps a run in a file, and [`plot`] draws runs side by side.

mod cli;
mod plot;
mod record;
mod rounds;

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::process::ExitCode;

pub use record::{Run, Sample};

/// The subscription server, as the load drives it: `leaky`'s load command implements it
/// for the learner's server, `fixed` for its solution. Every method is the server's own.
pub trait Server: Sized {
    /// Starts a server on a free port of 127.0.0.1.
    fn start() -> impl Future<Output = io::Result<Self>>;
    /// Where it listens.
    fn addr(&self) -> SocketAddr;
    /// How many subscriptions it holds, over all topics.
    fn subscriptions(&self) -> usize;
    /// Stops taking clients.
    fn shutdown(self) -> impl Future<Output = ()>;
}

/// A load command: which server it runs, and how it says so.
#[derive(Debug, Clone, Copy)]
pub struct Program {
    /// The command's name in `--help` and in errors: `capstone-load`.
    pub name: &'static str,
    /// How its lines, saved runs and figures name the server: `your server`.
    pub server: &'static str,
    /// Where its console build serves tokio-console (unless `TOKIO_CONSOLE_BIND` says).
    pub console_port: u16,
}

/// Runs the load on a server of type `S`: the whole `main` of a load command.
pub fn main<S: Server>(program: &Program) -> ExitCode {
    let args = match cli::parse(program, std::env::args_os()) {
        Ok(args) => args,
        Err(cli::Refusal::Done(text)) => {
            print!("{text}");
            return ExitCode::SUCCESS;
        }
        Err(cli::Refusal::Usage(line)) => {
            eprintln!("{line}");
            return ExitCode::from(2);
        }
    };
    match load::<S>(program, &args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn load<S: Server>(program: &Program, args: &cli::Args) -> anyhow::Result<()> {
    // Read before the run, so that a bad file is refused before a long run, not after it.
    let beside = args
        .beside
        .iter()
        .map(|file| record::load(file))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let console = crate::console::serve(program.console_port)?;
    let (run, short) = rounds::run::<S>(program.server, args, console.is_some())?;
    if let Some(file) = &args.save {
        record::save(file, &run)?;
        println!("saved: {}", file.display());
    }
    if let Some(file) = &args.plot {
        let mut runs = vec![run];
        runs.extend(beside);
        plot::draw(file, &runs)?;
        println!("plot: {}", file.display());
    }
    // What was measured is kept and drawn all the same; the run still fails.
    match short {
        Some(why) => Err(anyhow::anyhow!(why)),
        None => Ok(()),
    }
}
