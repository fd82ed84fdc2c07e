//! Leak patterns, one module each, in two flavours: threads (`std::thread`,
//! `crossbeam-channel`) and tasks (tokio, `async-channel`).
//!
//! Every module here has a twin of the same name in the `fixed` crate; read them
//! side by side (`diff leaky/src/blocked_send/threads.rs
//! fixed/src/blocked_send/threads.rs`). The bug sites carry a `// LEAK:` comment
//! (`// WRONG:` where the harm is a wrong answer), the fixes a `// FIX:` comment.
//!
//! Each pattern is a variation of one story: a caller waits for a service to become
//! ready, under a deadline, while a periodic check runs. Each module's docs say what
//! leaks, why, how to see it, and the moral.
//!
//! `cargo run -p leaky` shows the leaks pile up; `cargo test -p leaky -- --ignored`
//! runs the checks they fail.

pub mod blocked_send;
pub mod blocking_pool;
pub mod detached_handle;
pub mod double_send;
pub mod endless_ticker;
pub mod forgotten_stop;
pub mod stale_answer;
pub mod take_first;
pub mod unclosed_channel;

// `pub fn patterns() -> Vec<workshop::Pattern>`, the registry the demo binary runs: one
// entry per pattern of `leaky/patterns.toml`, written from it by the build script.
include!(concat!(env!("OUT_DIR"), "/patterns.rs"));
