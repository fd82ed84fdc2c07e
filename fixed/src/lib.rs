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

/// The fixes the demo binary can run, as `--list` shows them: each pattern's default
/// fix under the pattern's own name, and the other fixes beside it.
pub fn patterns() -> Vec<workshop::Pattern> {
    use workshop::watcher_pattern as pattern;
    vec![
        pattern!(
            "blocked-send",
            "no worker at all: the caller checks, under its own deadline",
            blocked_send
        ),
        pattern!(
            "blocked-send-buffered",
            "a one-slot channel per call: the late send never waits",
            blocked_send::buffered
        ),
        pattern!(
            "blocked-send-cancel",
            "the worker selects on a cancellation the caller fires",
            blocked_send::cancel
        ),
        pattern!(
            "blocked-send-drop-aware",
            "the worker stops when its reports find no receiver",
            blocked_send::drop_aware
        ),
    ]
}
