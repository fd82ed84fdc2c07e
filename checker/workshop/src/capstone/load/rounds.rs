//! The rounds of clients, and what is measured after each: the server's live tasks, its
//! subscriptions and the process's memory, printed as a line and kept as a [`Sample`].

use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::time::Duration;

use anyhow::Context as _;
use tokio::time::MissedTickBehavior;

use super::Server;
use super::cli::Args;
use super::record::{Run, Sample};
use crate::capstone::Client;
use crate::demo::resident_bytes;

/// The topics a round's clients spread over.
const TOPICS: usize = 10;

/// How often a round comes with `--until-stopped`: slow enough for a console to follow
/// every task (rounds as fast as they go queue events faster than console-subscriber
/// reads them, and it drops what overflows: tasks the console then never shows), fast
/// enough to watch a leak climb.
const PACE: Duration = Duration::from_secs(1);

/// How long the server is given to end the tasks of the clients that just left.
const SETTLE: Duration = Duration::from_millis(20);

/// Runs `args`' rounds on a new server of type `S`, named `server` in what is printed;
/// `console` says that tokio-console is served, whose records weigh in the memory. What
/// it measured comes back with, if the rounds had to stop before their end, why.
pub(super) fn run<S: Server>(
    server: &str,
    args: &Args,
    console: bool,
) -> anyhow::Result<(Run, Option<String>)> {
    let files = Files::raise_limit();
    // A runtime of its own, on this thread: its live tasks are the server's alone, since
    // the clients run inside `block_on`, not as tasks.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        // Ctrl-C ends a run that would not end by itself, and its figure is still drawn;
        // any other run it ends at once, as usual.
        let stop: Stop = if args.until_stopped || args.hold {
            Box::pin(async {
                if tokio::signal::ctrl_c().await.is_err() {
                    // Not catchable here: Ctrl-C then ends the process, as it always does.
                    std::future::pending::<()>().await;
                }
            })
        } else {
            Box::pin(std::future::pending())
        };
        rounds::<S>(server, args, console, &files, stop).await
    })
}

/// What ends a run early: Ctrl-C, or nothing.
type Stop = Pin<Box<dyn Future<Output = ()>>>;

async fn rounds<S: Server>(
    name: &str,
    args: &Args,
    console: bool,
    files: &Files,
    mut stop: Stop,
) -> anyhow::Result<(Run, Option<String>)> {
    let per_round = args.per_round();
    let ending = if args.until_stopped {
        "a round a second until Ctrl-C".to_owned()
    } else {
        format!("{} rounds", args.rounds)
    };
    println!("{name}: {per_round} clients a round, {ending}");
    println!(
        "first, a warm-up round that subscribes to nothing and leaves nothing: what a \
         round\nholds at once is then in the first line's memory, not a step after it"
    );
    if console {
        println!(
            "memory here holds the console's record of each task, tens of KiB: read it in \
             a run\nwithout the console"
        );
    }
    let server = S::start().await.context("cannot start the server")?;
    let live = tokio::runtime::Handle::current().metrics();
    let measure = |gone: usize| Sample {
        gone,
        tasks: live.num_alive_tasks(),
        subscriptions: server.subscriptions(),
        rss: resident_bytes(),
    };
    let mut run = Run {
        server: name.to_owned(),
        clients_per_round: per_round,
        samples: vec![],
    };
    println!(
        "{:>12} {:>11} {:>14} {:>12}",
        "clients gone", "live tasks", "subscriptions", "memory (RSS)"
    );
    warm_up(server.addr(), per_round)
        .await
        .context("the warm-up round")?;
    tokio::time::sleep(SETTLE).await;
    run.samples.push(measure(0));
    print(&run.samples[0]);

    let mut pace = tokio::time::interval(PACE);
    pace.set_missed_tick_behavior(MissedTickBehavior::Delay);
    let mut stopped = false;
    let mut short = None;
    for round in 1.. {
        if args.until_stopped {
            tokio::select! {
                biased;
                () = &mut stop => { stopped = true; break; }
                _ = pace.tick() => {}
            }
        } else if round > args.rounds {
            break;
        }
        if let Some(why) = files.short_for(per_round) {
            short = Some(format!("the run stopped before round {round}: {why}"));
            break;
        }
        tokio::select! {
            biased;
            () = &mut stop => { stopped = true; break; }
            done = round_of_clients(server.addr(), round, per_round) => {
                done.with_context(|| format!("round {round}"))?;
            }
        }
        // The server's tasks for the clients that just left end as soon as it reads their
        // goodbyes, which the runtime delivers while this sleeps: what is counted stays.
        tokio::time::sleep(SETTLE).await;
        run.samples.push(measure(round * per_round));
        print(run.samples.last().expect("just pushed"));
    }
    if stopped {
        println!("stopped by Ctrl-C");
    } else if args.hold && short.is_none() {
        println!("holding the server and what it keeps until Ctrl-C");
        stop.await;
    }
    server.shutdown().await;
    Ok((run, short))
}

/// `clients` clients subscribe, each receives one update, and all leave: half of them
/// say `QUIT`, half hang up. Each round has topics of its own, as orders or sessions
/// would: once a round is over, nobody publishes to its topics again.
async fn round_of_clients(addr: SocketAddr, round: usize, clients: usize) -> anyhow::Result<()> {
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

/// A round of `clients` that connect, all at once, and leave: they subscribe to nothing,
/// so they leave nothing behind, even on a server that leaks. What a round holds at once
/// (buffers on both sides of each connection) is allocated, freed, and kept by the
/// allocator for the next round, as every round after it will find it: counted before the
/// first round, it is no step in the figures.
async fn warm_up(addr: SocketAddr, clients: usize) -> anyhow::Result<()> {
    let mut connected = Vec::with_capacity(clients);
    for _ in 0..clients {
        connected.push(Client::connect(addr).await?);
    }
    for client in connected {
        client.quit().await?;
    }
    Ok(())
}

fn print(sample: &Sample) {
    let rss = match sample.rss {
        Some(bytes) => format!("{:.1} MiB", bytes as f64 / f64::from(1 << 20)),
        None => "not available here".to_owned(),
    };
    println!(
        "{:>12} {:>11} {:>14} {:>12}",
        sample.gone, sample.tasks, sample.subscriptions, rss
    );
}

/// The process's open files against its limit. Every client holds two sockets while it
/// is served (one on each side, both in this process), and a server that leaks keeps its
/// side for good: a laptop's default limit (256 on macOS, 1024 on Linux) would end a
/// leaky run in its first rounds, with a server that cannot accept.
struct Files {
    /// The most this process may open, once raised; `None` where it is not known.
    limit: Option<u64>,
}

impl Files {
    /// Raises the soft limit on open files as far as the hard limit allows, as Go's
    /// runtime does at every start.
    fn raise_limit() -> Files {
        #[cfg(unix)]
        let limit = rlimit::increase_nofile_limit(u64::MAX).ok();
        #[cfg(not(unix))]
        let limit = None;
        Files { limit }
    }

    /// Why a round of `clients` would not fit in what is left, if it would not.
    fn short_for(&self, clients: usize) -> Option<String> {
        let limit = self.limit?;
        let open = open_files()?;
        // Two sockets a client, the publisher's, and some for the runtime and stdio.
        let needed = 2 * clients as u64 + 2 + 16;
        (open + needed > limit).then(|| {
            format!(
                "the process holds {open} open files of the {limit} it may,\nand a round \
                 needs {needed} more (a server that leaks keeps a socket for every client \
                 that left)"
            )
        })
    }
}

/// How many files the process has open, where the platform lists them.
fn open_files() -> Option<u64> {
    let listing = if cfg!(target_os = "linux") {
        "/proc/self/fd"
    } else {
        "/dev/fd"
    };
    // The listing holds the descriptor that reads it, too.
    let entries = std::fs::read_dir(listing).ok()?.count() as u64;
    Some(entries.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_round_that_would_pass_the_open_file_limit_is_not_started_and_says_why() {
        let Some(open) = open_files() else {
            return; // A platform that lists no open files is never stopped for them.
        };
        let tight = Files {
            limit: Some(open + 10),
        };
        let why = tight
            .short_for(100)
            .expect("a hundred clients need two hundred files");
        assert!(why.contains("a round needs 218 more"), "{why}");
        assert!(why.contains("a server that leaks keeps a socket"), "{why}");
        let roomy = Files {
            limit: Some(open + 1000),
        };
        assert_eq!(roomy.short_for(100), None);
    }

    #[test]
    fn where_the_limit_is_not_known_no_round_is_stopped_for_it() {
        assert_eq!(Files { limit: None }.short_for(1_000_000), None);
    }
}
