//! Wrong fix for the capstone: the writer gives up after 30 s with nothing to
//! write, since a client that gets no line for that long must have gone.
//!
//! Caught by: the server still runs tasks for them.
//!
//! The writer has an end now, and an idle timeout is a classic of servers; but the
//! end is the writer's own, not its client's: a client who leaves keeps its writer
//! for half a minute more (longer, if updates keep coming to its topics), the hub
//! keeps its subscriptions for good, and a client who stays but hears nothing for
//! 30 s silently loses its updates.
//!
//! A small publish/subscribe server over TCP: clients subscribe to topics and receive,
//! one line each, the updates other clients publish to them.
//!
//! One command per line, each answered on the same connection:
//!
//! | the client sends | the server answers |
//! | --- | --- |
//! | `SUB topic` | `OK topic`, then `MSG topic text` for each update to the topic |
//! | `PUB topic text` | `SENT n`: the update was queued for `n` subscribers |
//! | `QUIT` | `BYE`, and the connection ends |
//! | anything else | `ERR` and what was wrong |
//!
//! Each client is served by two tasks: one reads its commands, the other writes its
//! lines, fed through a channel. A publisher never waits for a slow subscriber: an update
//! that finds the subscriber's queue full is dropped for that subscriber.

use std::collections::HashMap;
use std::io;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use checker::traced;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use tokio::time::timeout;

/// The lines queued for one client; past this, its updates are dropped.
const QUEUE: usize = 64;

/// How long a writer waits for a line before it takes its client for gone.
const IDLE: Duration = Duration::from_secs(30);

/// A running server.
pub struct Server {
    addr: SocketAddr,
    hub: Arc<Hub>,
    accept: JoinHandle<()>,
}

impl Server {
    /// Listens on `addr` (`127.0.0.1:0` for any free port) and serves clients from now.
    pub async fn start(addr: &str) -> io::Result<Server> {
        let listener = TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let hub = Arc::new(Hub::default());
        let accept = tokio::spawn(traced(accept(listener, Arc::clone(&hub))));
        Ok(Server { addr, hub, accept })
    }

    /// Where the server listens.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// How many subscriptions the server holds, over all topics.
    pub fn subscriptions(&self) -> usize {
        self.hub.topics().values().map(Vec::len).sum()
    }

    /// Stops taking new clients. The clients connected now are served until they leave.
    pub async fn shutdown(self) {
        self.accept.abort();
        let _ = self.accept.await;
    }
}

async fn accept(listener: TcpListener, hub: Arc<Hub>) {
    loop {
        match listener.accept().await {
            Ok((socket, _)) => {
                tokio::spawn(traced(serve(socket, Arc::clone(&hub))));
            }
            // A client that gave up before it was accepted, or no file descriptor
            // left for the moment: the next client may fare better.
            Err(e) => eprintln!("cannot accept a client: {e}"),
        }
    }
}

/// The topics, and who subscribes to each.
#[derive(Default)]
struct Hub {
    topics: Mutex<HashMap<String, Vec<Subscriber>>>,
    clients: AtomicU64,
}

/// A client subscribed to a topic: the queue of the task that writes its lines.
struct Subscriber {
    client: u64,
    lines: mpsc::Sender<String>,
}

impl Hub {
    fn topics(
        &self,
    ) -> std::sync::MutexGuard<'_, HashMap<String, Vec<Subscriber>>> {
        self.topics.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn subscribe(&self, topic: &str, client: u64, lines: &mpsc::Sender<String>) {
        let mut topics = self.topics();
        let subscribers = topics.entry(topic.to_owned()).or_default();
        if !subscribers.iter().any(|s| s.client == client) {
            subscribers.push(Subscriber { client, lines: lines.clone() });
        }
    }

    /// Queues the update for every subscriber of `topic`; says for how many it was.
    fn publish(&self, topic: &str, text: &str) -> usize {
        let topics = self.topics();
        let Some(subscribers) = topics.get(topic) else {
            return 0;
        };
        let update = format!("MSG {topic} {text}");
        subscribers
            .iter()
            .filter(|s| s.lines.try_send(update.clone()).is_ok())
            .count()
    }
}

// ANCHOR: serve
/// Serves one client, from its first command until it leaves.
async fn serve(socket: TcpStream, hub: Arc<Hub>) {
    let client = hub.clients.fetch_add(1, Ordering::Relaxed);
    let (reader, writer) = socket.into_split();
    let (lines, queue) = mpsc::channel(QUEUE);
    tokio::spawn(traced(write_lines(writer, queue)));
    if let Err(e) = read_commands(reader, client, &hub, &lines).await {
        eprintln!("client {client}: {e}");
    }
}
// ANCHOR_END: serve

// ANCHOR: read_commands
/// Reads the client's commands and queues an answer to each, until it leaves.
async fn read_commands(
    reader: OwnedReadHalf,
    client: u64,
    hub: &Hub,
    lines: &mpsc::Sender<String>,
) -> io::Result<()> {
    let mut commands = BufReader::new(reader).lines();
    while let Some(command) = commands.next_line().await? {
        let answer = match Command::parse(&command) {
            Ok(Command::Subscribe(topic)) => {
                hub.subscribe(topic, client, lines);
                format!("OK {topic}")
            }
            Ok(Command::Publish(topic, text)) => {
                format!("SENT {}", hub.publish(topic, text))
            }
            Ok(Command::Quit) => {
                let _ = lines.send("BYE".to_owned()).await;
                return Ok(());
            }
            Err(e) => format!("ERR {e}"),
        };
        if lines.send(answer).await.is_err() {
            // The writer is gone: so is the client.
            return Ok(());
        }
    }
    Ok(())
}
// ANCHOR_END: read_commands

// ANCHOR: write_lines
/// Writes the client's queued lines to it, one per line, until the queue closes.
async fn write_lines(
    mut writer: OwnedWriteHalf,
    mut queue: mpsc::Receiver<String>,
) {
    // WRONG FIX: a writer with nothing to write for IDLE ends.
    while let Ok(Some(mut line)) = timeout(IDLE, queue.recv()).await {
        line.push('\n');
        if writer.write_all(line.as_bytes()).await.is_err() {
            return;
        }
    }
}
// ANCHOR_END: write_lines

/// A command, as a client sends it.
enum Command<'a> {
    Subscribe(&'a str),
    Publish(&'a str, &'a str),
    Quit,
}

impl<'a> Command<'a> {
    fn parse(line: &'a str) -> Result<Self, String> {
        let (verb, rest) = line.split_once(' ').unwrap_or((line, ""));
        match verb {
            "SUB" if is_topic(rest) => Ok(Command::Subscribe(rest)),
            "SUB" => Err(format!("not a topic: '{rest}'; a topic is one word")),
            "PUB" => match rest.split_once(' ') {
                Some((topic, text)) if is_topic(topic) => {
                    Ok(Command::Publish(topic, text))
                }
                _ => Err(format!("'{line}' is not 'PUB topic text'")),
            },
            "QUIT" => Ok(Command::Quit),
            _ => Err(format!("unknown command '{verb}'; try SUB, PUB or QUIT")),
        }
    }
}

fn is_topic(word: &str) -> bool {
    !word.is_empty() && !word.contains(char::is_whitespace)
}
