//! Load for the capstone's subscription server: clients connect, subscribe, receive an
//! update and leave, round after round, while the server's live tasks and the process's
//! memory are printed.
//!
//!     cargo run -p leaky --example capstone-load
//!     cargo run -p leaky --example capstone-load -- --clients 5000 --plot load.svg
//!
//! It runs your server (`leaky/capstone/server.rs`) on a runtime of its own, so that the
//! live tasks are the server's alone. Run it before and after your fix: a server that
//! leaks climbs with the clients that have left, a fixed one stays flat.

#[allow(unreachable_pub, dead_code)]
#[path = "../capstone/server.rs"]
mod yours;

#[allow(unreachable_pub, dead_code)]
#[path = "../capstone/client.rs"]
mod client;

use std::io;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context as _, bail};
use client::Client;
use plotters::prelude::*;

const USAGE: &str = "usage: capstone-load [--clients N] [--rounds N] \
                     [--plot FILE.svg]";

/// The topics the clients spread over.
const TOPICS: usize = 10;

fn main() -> ExitCode {
    let args = match Args::parse(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(e) => {
            eprintln!("{e:#}");
            return ExitCode::from(2);
        }
    };
    match load(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn load(args: &Args) -> anyhow::Result<()> {
    let runs = vec![run::<yours::Server>("your server", args)?];
    if let Some(file) = &args.plot {
        draw(file, &runs)?;
        println!("\nplot: {}", file.display());
    }
    Ok(())
}

/// The server's API, as the load needs it.
trait Service: Sized {
    async fn start() -> io::Result<Self>;
    fn addr(&self) -> SocketAddr;
    fn subscriptions(&self) -> usize;
    async fn shutdown(self);
}

macro_rules! service {
    ($server:ty) => {
        impl Service for $server {
            async fn start() -> io::Result<Self> {
                <$server>::start("127.0.0.1:0").await
            }
            fn addr(&self) -> SocketAddr {
                <$server>::addr(self)
            }
            fn subscriptions(&self) -> usize {
                <$server>::subscriptions(self)
            }
            async fn shutdown(self) {
                <$server>::shutdown(self).await
            }
        }
    };
}
service!(yours::Server);

/// What one run measured, after each round.
struct Run {
    name: &'static str,
    samples: Vec<Sample>,
}

struct Sample {
    gone: usize,
    tasks: usize,
    rss: Option<u64>,
}

fn run<S: Service>(name: &'static str, args: &Args) -> anyhow::Result<Run> {
    let runtime =
        tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let samples = runtime.block_on(async {
        let server = S::start().await.context("cannot start the server")?;
        let metrics = tokio::runtime::Handle::current().metrics();
        let per_round = args.clients / args.rounds;
        println!(
            "\n{name}: {} clients, in {} rounds",
            per_round * args.rounds,
            args.rounds
        );
        println!(
            "{:>12} {:>11} {:>14} {:>12}",
            "clients gone", "live tasks", "subscriptions", "memory (RSS)"
        );
        let mut samples = vec![Sample {
            gone: 0,
            tasks: metrics.num_alive_tasks(),
            rss: workshop::demo::resident_bytes(),
        }];
        print(&samples[0], 0);
        for round in 1..=args.rounds {
            round_of_clients(server.addr(), round, per_round).await?;
            // The server's tasks for the clients that just left end as soon as it reads
            // their goodbyes: give it a moment to, so that what is counted is what stays.
            tokio::time::sleep(Duration::from_millis(20)).await;
            let sample = Sample {
                gone: round * per_round,
                tasks: metrics.num_alive_tasks(),
                rss: workshop::demo::resident_bytes(),
            };
            print(&sample, server.subscriptions());
            samples.push(sample);
        }
        server.shutdown().await;
        anyhow::Ok(samples)
    })?;
    Ok(Run { name, samples })
}

/// `clients` clients subscribe, each receives one update, and all leave: half of
/// them say `QUIT`, half hang up. Each round has topics of its own, as orders or
/// sessions would: once a round is over, nobody publishes to its topics again.
async fn round_of_clients(
    addr: SocketAddr,
    round: usize,
    clients: usize,
) -> anyhow::Result<()> {
    let topic = |i: usize| format!("round-{round}-topic-{}", i % TOPICS);
    let mut subscribers = Vec::with_capacity(clients);
    for i in 0..clients {
        let mut client = Client::connect(addr).await?;
        client.subscribe(&topic(i)).await?;
        subscribers.push(client);
    }
    let mut publisher = Client::connect(addr).await?;
    for t in 0..TOPICS.min(clients) {
        publisher.publish(&topic(t), "update").await?;
    }
    for (i, mut client) in subscribers.into_iter().enumerate() {
        client.receive().await?;
        if i % 2 == 0 {
            client.quit().await?;
        }
    }
    publisher.quit().await?;
    Ok(())
}

fn print(sample: &Sample, subscriptions: usize) {
    let rss = match sample.rss {
        Some(bytes) => format!("{:.1} MiB", bytes as f64 / (1 << 20) as f64),
        None => "not available here".to_owned(),
    };
    println!(
        "{:>12} {:>11} {:>14} {:>12}",
        sample.gone, sample.tasks, subscriptions, rss
    );
}

struct Args {
    clients: usize,
    rounds: usize,
    plot: Option<PathBuf>,
}

impl Args {
    fn parse(mut args: impl Iterator<Item = String>) -> anyhow::Result<Args> {
        let mut parsed = Args { clients: 1000, rounds: 10, plot: None };
        while let Some(flag) = args.next() {
            let mut value = || {
                args.next()
                    .with_context(|| format!("{flag} needs a value; {USAGE}"))
            };
            match flag.as_str() {
                "--clients" => parsed.clients = count(&flag, &value()?)?,
                "--rounds" => parsed.rounds = count(&flag, &value()?)?,
                "--plot" => parsed.plot = Some(PathBuf::from(value()?)),
                "-h" | "--help" => {
                    println!("{USAGE}");
                    std::process::exit(0);
                }
                other => bail!("unknown argument '{other}'; {USAGE}"),
            }
        }
        if parsed.rounds > parsed.clients {
            bail!(
                "{} rounds of {} clients leave some rounds empty; \
                 try --rounds {} or fewer",
                parsed.rounds,
                parsed.clients,
                parsed.clients
            );
        }
        Ok(parsed)
    }
}

fn count(flag: &str, value: &str) -> anyhow::Result<usize> {
    match value.parse() {
        Ok(n) if n > 0 => Ok(n),
        _ => bail!("{flag} takes a whole number above 0, not '{value}'"),
    }
}

const WIDTH: u32 = 860;
const PANEL_HEIGHT: u32 = 300;

/// Two panels, live tasks and memory, against the clients that have come and gone:
/// one line per server.
fn draw(file: &Path, runs: &[Run]) -> anyhow::Result<()> {
    let root = SVGBackend::new(file, (WIDTH, 2 * PANEL_HEIGHT)).into_drawing_area();
    root.fill(&WHITE).map_err(draw_error)?;
    let panels = root.split_evenly((2, 1));
    let tasks = |s: &Sample| Some(s.tasks as f64);
    let mib = |s: &Sample| s.rss.map(|b| b as f64 / (1 << 20) as f64);
    panel(&panels[0], "live tasks of the server", "tasks", runs, &tasks)?;
    panel(&panels[1], "memory of the process", "RSS, MiB", runs, &mib)?;
    root.present()
        .map_err(draw_error)
        .with_context(|| format!("cannot write {}", file.display()))
}

fn panel(
    area: &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>,
    title: &str,
    unit: &str,
    runs: &[Run],
    value: &dyn Fn(&Sample) -> Option<f64>,
) -> anyhow::Result<()> {
    let lines: Vec<Vec<(f64, f64)>> = runs
        .iter()
        .map(|run| {
            run.samples
                .iter()
                .filter_map(|s| Some((s.gone as f64, value(s)?)))
                .collect()
        })
        .collect();
    let right = runs
        .iter()
        .flat_map(|run| run.samples.last())
        .map(|s| s.gone as f64)
        .fold(1.0, f64::max);
    let top = lines.iter().flatten().map(|(_, y)| *y).fold(1.0, f64::max) * 1.15;
    let mut chart = ChartBuilder::on(area)
        .caption(title, ("sans-serif", 18))
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(48)
        .build_cartesian_2d(0.0..right, 0.0..top)
        .map_err(draw_error)?;
    chart
        .configure_mesh()
        .x_desc("clients that have come and gone")
        .y_desc(unit)
        .x_label_formatter(&|n| format!("{n:.0}"))
        .y_label_formatter(&|n| format!("{n:.0}"))
        .light_line_style(WHITE.mix(0.0))
        .draw()
        .map_err(draw_error)?;
    for (run, points) in runs.iter().zip(lines) {
        let color = if run.name == "your server" { RED } else { BLUE };
        chart
            .draw_series(LineSeries::new(points, color.stroke_width(2)))
            .map_err(draw_error)?
            .label(run.name)
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 18, y)], color.stroke_width(2))
            });
    }
    chart
        .configure_series_labels()
        .border_style(BLACK.mix(0.3))
        .background_style(WHITE.mix(0.9))
        .position(SeriesLabelPosition::UpperLeft)
        .draw()
        .map_err(draw_error)?;
    Ok(())
}

fn draw_error(e: impl std::fmt::Display) -> anyhow::Error {
    anyhow::anyhow!("cannot draw the figure: {e}")
}
