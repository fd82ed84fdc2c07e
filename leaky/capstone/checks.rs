//! What the capstone's check holds a subscription server to, written for any server with
//! the capstone's interface (`start`, `addr`, `shutdown`): the check (`check.rs`) runs it
//! on `server.rs`, and CI's proof of the wrong fixes on each solution and wrong fix.
//!
//! Clients come, subscribe, receive their updates and leave, some saying `QUIT`, some
//! hanging up, some with their connection reset, some after a line that is not UTF-8;
//! other clients stay all along. Once the leavers are gone, nothing they caused may still
//! run, the clients who stayed still receive every update, and the server holds no more
//! memory for having served them: what it holds is counted from outside `server.rs`, by
//! the allocator of the check's own process.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::fmt;
use std::io;
use std::net::SocketAddr;
use std::time::Duration;

use checker::{Options, TaskSnapshot};
use tokio::runtime::Handle;

use workshop::capstone::Client;

/// How many topics the clients share, and how many clients stay all along.
const TOPICS: usize = 3;
const STAYERS: usize = TOPICS;

/// How many clients come and go in the first wave, and in the second.
const FIRST_WAVE: usize = 16;
const SECOND_WAVE: usize = 48;

/// How many more blocks of memory the second wave may leave than the first: a server
/// that keeps something for every client that left keeps at least one block per client,
/// 32 more in the second wave.
const MEMORY_ALLOWANCE: isize = 12;

/// How a client leaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Leave {
    /// It says `QUIT`, and waits for `BYE`.
    Quit,
    /// It closes its connection without a word.
    HangUp,
    /// Its connection is reset: the server's next read fails.
    Reset,
    /// It sends a line that is not UTF-8, then closes: the server's read fails.
    BadBytes,
}

// What the proof of the wrong fixes plays: every way of leaving, by name.
#[allow(dead_code)]
impl Leave {
    /// Every way a client leaves.
    pub(crate) const ALL: [Leave; 4] =
        [Leave::Quit, Leave::HangUp, Leave::Reset, Leave::BadBytes];

    /// Its name, one word.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Leave::Quit => "quit",
            Leave::HangUp => "hang_up",
            Leave::Reset => "reset",
            Leave::BadBytes => "bad_bytes",
        }
    }
}

impl fmt::Display for Leave {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Leave::Quit => "saying QUIT",
            Leave::HangUp => "hanging up",
            Leave::Reset => "with their connection reset",
            Leave::BadBytes => "after a line that is not UTF-8",
        })
    }
}

/// Why the check failed, in words: a test that returns it prints it as it is.
pub(crate) struct Failure(pub(crate) String);

impl fmt::Debug for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&workshop::words::wrap(&self.0, workshop::words::COLUMNS))
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure(format!("the server did not serve its clients: {e}"))
    }
}

/// The check, on the server `start` starts: two waves of clients come and go, `leave`
/// being how they go, while others stay.
pub(crate) async fn leaves_nothing<S>(
    start: impl AsyncFnOnce(&str) -> io::Result<S>,
    addr: fn(&S) -> SocketAddr,
    shutdown: impl AsyncFnOnce(S),
    leave: Leave,
) -> Result<(), Failure> {
    let server = start("127.0.0.1:0").await?;
    let addr = addr(&server);
    let verdict = waves(addr, leave).await;
    shutdown(server).await;
    verdict
}

async fn waves(addr: SocketAddr, leave: Leave) -> Result<(), Failure> {
    let mut stayers = Vec::new();
    for i in 0..STAYERS {
        let mut client = Client::connect(addr).await?;
        client.subscribe(&topic(i)).await?;
        client.subscribe(&topic(i + 1)).await?;
        stayers.push(client);
    }
    // ANCHOR: check
    let before = TaskSnapshot::take(&Handle::current());
    wave(addr, FIRST_WAVE, leave, &mut stayers).await?;
    let options = Options::default().deadline(Duration::from_secs(1));
    if let Err(report) = before.verify(&options).await {
        // ANCHOR_END: check
        return Err(Failure(format!(
            "{FIRST_WAVE} clients subscribed, received their updates and left, {leave}; the \
             server still runs tasks for them:\n\n{report}"
        )));
    }
    still_served(addr, &mut stayers, leave).await?;
    let held = live_blocks();
    wave(addr, SECOND_WAVE, leave, &mut stayers).await?;
    if let Err(report) = before.verify(&options).await {
        return Err(Failure(format!(
            "{SECOND_WAVE} more clients subscribed, received their updates and left, \
             {leave}; the server still runs tasks for them:\n\n{report}"
        )));
    }
    still_served(addr, &mut stayers, leave).await?;
    let more = live_blocks() - held;
    if more > MEMORY_ALLOWANCE {
        return Err(Failure(format!(
            "clients subscribed, received their updates and left, {leave}: no task of theirs \
             runs, but the server still holds what they left: {more} more blocks of memory \
             after {SECOND_WAVE} clients came and went than after {FIRST_WAVE}, and more with \
             every client (counted by the check's allocator, not by server.rs)"
        )));
    }
    Ok(())
}

fn topic(i: usize) -> String {
    format!("topic-{}", i % TOPICS)
}

/// One wave: `count` clients subscribe, to one or two topics each and to a quiet one,
/// every subscriber (those who stay too) receives one update per published topic, and the
/// wave's clients leave.
async fn wave(
    addr: SocketAddr,
    count: usize,
    leave: Leave,
    stayers: &mut [Client],
) -> Result<(), Failure> {
    let mut leavers = Vec::new();
    for i in 0..count {
        let mut client = Client::connect(addr).await?;
        client.subscribe(&topic(i)).await?;
        if i % 2 == 0 {
            client.subscribe(&topic(i + 1)).await?;
        }
        // A topic nobody publishes to: what a server cleans up only when it publishes
        // stays there for good.
        client.subscribe(&format!("quiet-{}", i % 2)).await?;
        leavers.push(client);
    }
    publish_to_every_topic(addr).await?;
    for (i, client) in leavers.iter_mut().enumerate() {
        let topics = if i % 2 == 0 { 2 } else { 1 };
        receive(client, topics, &format!("client {i} of the wave")).await?;
    }
    receive_as_stayers(stayers, "before the wave left").await?;
    for client in leavers {
        match leave {
            Leave::Quit => client.quit().await?,
            Leave::HangUp => drop(client),
            Leave::Reset => client.reset()?,
            Leave::BadBytes => client.send_bytes(b"SUB \xff\xfe\n").await?,
        }
    }
    Ok(())
}

/// Those who stayed are served as before, once a wave has left: an update to each of
/// their topics reaches them.
async fn still_served(
    addr: SocketAddr,
    stayers: &mut [Client],
    leave: Leave,
) -> Result<(), Failure> {
    publish_to_every_topic(addr).await?;
    receive_as_stayers(stayers, &format!("after others left {leave}")).await
}

async fn publish_to_every_topic(addr: SocketAddr) -> Result<(), Failure> {
    let mut publisher = Client::connect(addr).await?;
    for t in 0..TOPICS {
        publisher.publish(&topic(t), "update").await?;
    }
    // It hangs up: how the leavers leave is theirs to say.
    drop(publisher);
    Ok(())
}

async fn receive_as_stayers(
    stayers: &mut [Client],
    when: &str,
) -> Result<(), Failure> {
    for (i, client) in stayers.iter_mut().enumerate() {
        receive(
            client,
            2,
            &format!(
                "a client who stayed (subscribed to {} and {}), {when},",
                topic(i),
                topic(i + 1)
            ),
        )
        .await?;
    }
    Ok(())
}

async fn receive(
    client: &mut Client,
    updates: usize,
    who: &str,
) -> Result<(), Failure> {
    for _ in 0..updates {
        let line = client.receive().await.map_err(|e| {
            Failure(format!(
                "{who} did not receive an update on each of its topics: {e}"
            ))
        })?;
        if !line.starts_with("MSG topic-") {
            return Err(Failure(format!(
                "{who} received '{line}' where an update was due"
            )));
        }
    }
    Ok(())
}

thread_local! {
    /// Blocks allocated and not yet freed by this thread: a current-thread runtime runs
    /// the server and its clients on the test's own thread, so this is what they hold.
    static LIVE: Cell<isize> = const { Cell::new(0) };
}

/// Blocks of memory this thread has allocated and not freed.
pub(crate) fn live_blocks() -> isize {
    LIVE.with(Cell::get)
}

/// The system's allocator, counting the blocks each thread holds: the check's own
/// process's allocator, outside the code under test.
pub(crate) struct Counting;

// SAFETY: every method hands the request to the system's allocator unchanged, and only
// counts: the counter is a `const`-initialised thread-local `Cell` with no destructor,
// which neither allocates nor re-enters the allocator.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's guarantees for `layout` are the system allocator's.
        let block = unsafe { System.alloc(layout) };
        if !block.is_null() {
            let _ = LIVE.try_with(|live| live.set(live.get() + 1));
        }
        block
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        let _ = LIVE.try_with(|live| live.set(live.get() - 1));
        // SAFETY: `block` was allocated by `System` with `layout`, as the caller promises.
        unsafe { System.dealloc(block, layout) }
    }

    unsafe fn realloc(
        &self,
        block: *mut u8,
        layout: Layout,
        size: usize,
    ) -> *mut u8 {
        // SAFETY: as for `dealloc`; a block moved is still one block.
        unsafe { System.realloc(block, layout, size) }
    }
}
