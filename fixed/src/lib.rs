//! The modules of the `leaky` crate, corrected, with the same names and signatures,
//! in the same two flavours: threads (`std::thread`, `crossbeam-channel`) and tasks
//! (tokio, `async-channel`, `tokio-util`).
//!
//! Read each module beside its twin (`diff leaky/src/blocked_send/threads.rs
//! fixed/src/blocked_send/threads.rs`). The fixes carry a `// FIX:` comment that
//! says why they work.
//!
//! `cargo run -p fixed` shows that nothing piles up; `cargo test -p fixed` checks
//! it.

pub mod blocked_send;

/// The patterns the demo binary can run, as `--list` shows them: each pattern's
/// default fix under the pattern's own name, and the other fixes beside it.
pub fn patterns() -> Vec<workshop::Pattern> {
    vec![
        workshop::watcher_pattern!(
            "blocked-send",
            "no worker at all: the caller checks, under its own deadline",
            blocked_send,
            wait_ready
        ),
        workshop::watcher_pattern!(
            "blocked-send-buffered",
            "a one-slot channel per call: the late send never waits",
            blocked_send,
            wait_ready_buffered
        ),
        workshop::watcher_pattern!(
            "blocked-send-cancel",
            "the worker selects on a cancellation the caller fires",
            blocked_send,
            wait_ready_or_cancel
        ),
        workshop::watcher_pattern!(
            "blocked-send-drop-aware",
            "the worker stops when its reports find no receiver",
            blocked_send,
            wait_ready_drop_aware
        ),
    ]
}
