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
//! See both at work: `cargo run -p leaky --example capstone-load`.

pub mod server;

/// The guard fix.
pub mod guard {
    pub mod server;
}
