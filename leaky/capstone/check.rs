//! Checks the capstone: the subscription server in `server.rs` beside this file.
//!
//! As shipped, the server works (its own tests, `tests.rs`, pass) and this fails with
//! the checker's report. Find why, fix `server.rs`, until this passes:
//!
//!     cargo test -p leaky --test capstone
//!
//! Hints: `hints.md` beside this file. Start over: `git checkout leaky/capstone/`.
//!
//! Clients come, subscribe, receive their updates and leave, some saying `QUIT`, some
//! hanging up, some with their connection reset, some after a line that is not UTF-8,
//! while others stay. Then nothing the leavers caused may still run, those who stayed
//! still receive every update, and the server holds no more memory for having served
//! them (`checks.rs` says how each is told).

// What the check does not call (`subscriptions`) is the server's own tests' business.
#[allow(unreachable_pub, dead_code)]
#[path = "server.rs"]
mod server;

mod checks;

use checks::{Failure, Leave, leaves_nothing};
use server::Server;

/// The check counts the memory the server holds with an allocator of its own.
#[global_allocator]
static ALLOCATOR: checks::Counting = checks::Counting;

async fn check(leave: Leave) -> Result<(), Failure> {
    leaves_nothing(Server::start, Server::addr, Server::shutdown, leave).await
}

#[tokio::test]
async fn clients_that_quit_leave_nothing_behind() -> Result<(), Failure> {
    check(Leave::Quit).await
}

#[tokio::test]
async fn clients_that_hang_up_leave_nothing_behind() -> Result<(), Failure> {
    check(Leave::HangUp).await
}

#[tokio::test]
async fn clients_whose_connection_is_reset_leave_nothing_behind()
-> Result<(), Failure> {
    check(Leave::Reset).await
}

#[tokio::test]
async fn clients_that_send_bytes_that_are_not_utf8_leave_nothing_behind()
-> Result<(), Failure> {
    check(Leave::BadBytes).await
}
