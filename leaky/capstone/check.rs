//! Checks the capstone: the subscription server in `server.rs` beside this file.
//!
//! As shipped, the server works (its own tests, `tests.rs`, pass) and this fails with
//! the checker's report. Find why, fix `server.rs`, until this passes:
//!
//!     cargo test -p leaky --test capstone
//!
//! Hints: `hints.md` beside this file. Start over: `git checkout leaky/capstone/`.
//!
//! Many clients come, subscribe, receive their updates and leave, some saying `QUIT`,
//! some hanging up; then nothing they caused may still run, and the server may hold no
//! subscription of theirs.

#[allow(unreachable_pub)]
#[path = "server.rs"]
mod server;

use std::fmt;
use std::time::Duration;

use checker::{Options, TaskSnapshot};
use server::Server;
use tokio::runtime::Handle;
use workshop::capstone::Client;

/// How many clients subscribe, and how many topics they share.
const CLIENTS: usize = 24;
const TOPICS: usize = 3;

/// How a client leaves.
#[derive(Clone, Copy)]
enum Leave {
    /// It says `QUIT`, and waits for `BYE`.
    Quit,
    /// It closes its connection without a word.
    HangUp,
}

impl fmt::Display for Leave {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Leave::Quit => "saying QUIT",
            Leave::HangUp => "hanging up",
        })
    }
}

#[tokio::test]
async fn clients_that_quit_leave_nothing_behind() -> Result<(), Failure> {
    come_and_go(Leave::Quit).await
}

#[tokio::test]
async fn clients_that_hang_up_leave_nothing_behind() -> Result<(), Failure> {
    come_and_go(Leave::HangUp).await
}

// ANCHOR: check
async fn come_and_go(leave: Leave) -> Result<(), Failure> {
    let server = Server::start("127.0.0.1:0").await?;
    let before = TaskSnapshot::take(&Handle::current());

    clients(&server, leave).await?;

    let options = Options::default().deadline(Duration::from_secs(1));
    let verdict = before.verify(&options).await;
    // ANCHOR_END: check
    let held = server.subscriptions();
    server.shutdown().await;
    if let Err(report) = verdict {
        return Err(Failure(format!(
            "{CLIENTS} clients subscribed, received their updates and left, \
             {leave};\nthe server still runs tasks for them:\n\n{report}"
        )));
    }
    if held > 0 {
        return Err(Failure(format!(
            "{CLIENTS} clients subscribed, received their updates and left, \
             {leave};\nno task of theirs runs, but the server still holds \
             {held} of their subscriptions,\nand holds more with every client"
        )));
    }
    Ok(())
}

/// The clients' whole life: each subscribes to one topic or two, every subscriber
/// receives one update per topic, and all leave.
async fn clients(server: &Server, leave: Leave) -> Result<(), Failure> {
    let topic = |i: usize| format!("topic-{}", i % TOPICS);
    let mut subscribers = Vec::new();
    for i in 0..CLIENTS {
        let mut client = Client::connect(server.addr()).await?;
        client.subscribe(&topic(i)).await?;
        if i % 2 == 0 {
            client.subscribe(&topic(i + 1)).await?;
        }
        subscribers.push(client);
    }
    let mut publisher = Client::connect(server.addr()).await?;
    for t in 0..TOPICS {
        let sent = publisher.publish(&topic(t), "update").await?;
        if sent == 0 {
            return Err(Failure(format!(
                "an update to {} reached nobody",
                topic(t)
            )));
        }
    }
    for (i, client) in subscribers.iter_mut().enumerate() {
        let topics = if i % 2 == 0 { 2 } else { 1 };
        for _ in 0..topics {
            let line = client.receive().await?;
            if !line.starts_with("MSG topic-") {
                return Err(Failure(format!("client {i} received '{line}'")));
            }
        }
    }
    for client in subscribers.into_iter().chain([publisher]) {
        match leave {
            Leave::Quit => client.quit().await?,
            Leave::HangUp => drop(client),
        }
    }
    Ok(())
}

/// Why the check failed, in words: a test that returns it prints it as it is, its long
/// lines broken to fit a terminal and the book.
struct Failure(String);

impl fmt::Debug for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&workshop::words::wrap(&self.0, workshop::words::COLUMNS))
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure(format!("the server did not serve its clients: {e}"))
    }
}
