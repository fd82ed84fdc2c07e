//! What the capstone's two sides share: a client of the subscription server (for its
//! tests, its check and the load), and the load command, which `leaky` runs on the
//! learner's server and `fixed` on a solution.

mod client;
pub mod load;

pub use client::Client;
