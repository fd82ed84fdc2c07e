//! Load for the capstone's solution (`fixed/src/capstone/server.rs`): the same clients,
//! rounds and figures as `cargo run -p leaky --example capstone-load` runs on your
//! server, so that the two can be run side by side, or drawn on one figure:
//!
//!     cargo run -p fixed --example capstone-load-solution -- --save solution.json
//!     cargo run -p leaky --example capstone-load -- --beside solution.json --plot load.svg
//!
//! Its live tasks stay flat however many clients come and go. `--help` lists the flags.

use std::process::ExitCode;

use fixed::capstone::server::Server;
use workshop::capstone::load::{self, Program};

fn main() -> ExitCode {
    load::main::<Server>(&Program {
        name: "capstone-load-solution",
        server: "the solution",
        console_port: workshop::console::FIXED_PORT,
    })
}
