//! The modules of the `leaky` crate, corrected, with the same names and signatures,
//! in the same two flavours: threads (`std::thread`, `crossbeam-channel`) and tasks
//! (tokio, `async-channel`, `tokio-util`).
//!
//! Each pattern's default fix sits beside its `mod.rs`, with the same file names as
//! its leaky twin; every other fix has a folder of its own, with the same file names
//! again. Each fix file is a drop-in replacement for its leaky twin, so `diff` shows
//! the fix and nothing else:
//!
//! ```text
//! diff leaky/src/blocked_send/threads.rs fixed/src/blocked_send/threads.rs
//! diff leaky/src/blocked_send/tasks.rs fixed/src/blocked_send/cancel/tasks.rs
//! ```
//!
//! The fixes carry a `// FIX:` comment that says why they work. `cargo run -p fixed`
//! shows that nothing is left behind; `cargo test -p fixed` checks it.

pub mod blocked_send;
pub mod blocking_pool;
pub mod capstone;
pub mod detached_handle;
pub mod double_send;
pub mod endless_ticker;
pub mod forgotten_stop;
pub mod stale_answer;
pub mod take_first;
pub mod unclosed_channel;

// `pub fn patterns() -> Vec<workshop::Pattern>`, the registry the demo binary runs: one
// entry per pattern of `leaky/patterns.toml` (and per fix), written from it by the build script.
include!(concat!(env!("OUT_DIR"), "/patterns.rs"));
