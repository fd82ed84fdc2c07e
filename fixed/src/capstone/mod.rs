//! The capstone's subscription server, fixed: a client that leaves takes its tasks
//! and its subscriptions with it.
//!
//! In `leaky/capstone/server.rs` each client is served by two tasks: one reads its
//! commands, one writes its lines from a queue. Each subscription keeps a sender of
//! that queue in the server's topics, and nothing removes it. So when the client
//! leaves, its reader ends, but its writer waits on a queue that can never close,
//! for good: one task, one queue and one socket per client that ever subscribed. The
//! subscriptions pile up too, and publishers count the departed as subscribers.
//! It is the [unclosed channel](crate::unclosed_channel), in a server.
//!
//! Two fixes, each a drop-in replacement for the leaky file (`diff
//! leaky/capstone/server.rs fixed/src/capstone/server.rs`):
//!
//! - [`server`], the default: when the client leaves, `serve` **ends its
//!   subscriptions**. The writer's queue then has no sender left, and the writer ends.
//! - [`guard`]: the same, by a **guard** `serve` holds, which ends them when dropped:
//!   also when `serve` panics or its task is dropped.
//!
//! Fixes that look right and are not are kept beside the capstone, as test data its
//! check catches, in `leaky/capstone/wrong/`.
//!
//! See both at work under load, side by side: `cargo run -p leaky --example
//! capstone-load` runs your server, `cargo run -p fixed --example
//! capstone-load-solution` this one.

use std::io;
use std::net::SocketAddr;

pub mod server;

// What the load command asks of a server: the solution's own methods.
impl workshop::capstone::load::Server for server::Server {
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

/// The guard fix.
pub mod guard {
    pub mod server;
}
