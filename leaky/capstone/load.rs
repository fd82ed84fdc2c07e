//! Load for your subscription server (`server.rs`, beside this file): clients connect,
//! subscribe, receive an update and leave, round after round, and after each round the
//! server's live tasks and the process's memory are printed.
//!
//!     cargo run -p leaky --example capstone-load
//!     cargo run -p leaky --example capstone-load -- --until-stopped
//!
//! Run it before and after your fix: a server that leaks climbs with the clients that
//! have left, a fixed one stays flat. `--save before.json` keeps a run, and `--beside
//! before.json --plot load.svg` draws it beside a later one; `cargo run -p fixed
//! --example capstone-load-solution` runs a solution the same way. `--help` lists the flags.
//!
//! The load itself is the workshop's (`workshop::capstone::load`), shared with `fixed`.

#[allow(unreachable_pub, dead_code)]
#[path = "server.rs"]
mod server;

use std::io;
use std::net::SocketAddr;
use std::process::ExitCode;

use workshop::capstone::load::{self, Program};

fn main() -> ExitCode {
    load::main::<server::Server>(&Program {
        name: "capstone-load",
        server: "your server",
        console_port: workshop::console::LEAKY_PORT,
    })
}

// What the load asks of a server: your server's own methods.
impl load::Server for server::Server {
    async fn start() -> io::Result<Self> {
        server::Server::start("127.0.0.1:0").await
    }
    fn addr(&self) -> SocketAddr {
        server::Server::addr(self)
    }
    fn subscriptions(&self) -> usize {
        server::Server::subscriptions(self)
    }
    async fn shutdown(self) {
        server::Server::shutdown(self).await;
    }
}
