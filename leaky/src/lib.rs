//! Leak patterns, one module each, in two flavours: threads (`std::thread`,
//! `crossbeam-channel`) and tasks (tokio, `async-channel`).
//!
//! Every module here has a twin of the same name in the `fixed` crate; read them
//! side by side (`diff leaky/src/blocked_send/threads.rs
//! fixed/src/blocked_send/threads.rs`). The bug sites carry a `// LEAK:` comment,
//! the fixes a `// FIX:` comment.
//!
//! `cargo run -p leaky` shows the leaks pile up; `cargo test -p leaky -- --ignored`
//! runs the checks they fail.

pub mod blocked_send;

/// The patterns the demo binary can run, as `--list` shows them.
pub fn patterns() -> Vec<workshop::Pattern> {
    vec![workshop::watcher_pattern!(
        "blocked-send",
        "a worker blocks forever sending an answer nobody reads",
        blocked_send
    )]
}
