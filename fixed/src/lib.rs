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
            "a one-slot channel per call, and a worker that stops at the deadline",
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
        pattern!(
            "take-first",
            "the rest are cancelled once one answers (threads: a dropped channel; tasks: a JoinSet)",
            take_first
        ),
        pattern!(
            "take-first-buffered",
            "room for every replica's answer, and workers that stop at the deadline",
            take_first::buffered
        ),
        pattern!(
            "double-send",
            "one report per worker: the answer, and nothing before it",
            double_send
        ),
        pattern!(
            "double-send-buffered",
            "a channel per call with room for both reports",
            double_send::buffered
        ),
        pattern!(
            "double-send-drop-aware",
            "the worker stops at the first report nobody can receive",
            double_send::drop_aware
        ),
        pattern!(
            "endless-ticker",
            "the loop also selects on a cancellation the caller fires",
            endless_ticker,
            check never passes
        ),
        pattern!(
            "endless-ticker-closed",
            "the loop reports every check and ends when its channel is closed",
            endless_ticker::closed,
            check never passes
        ),
        pattern!(
            "unclosed-channel",
            "the worker keeps no sender: the queue closes with the call",
            unclosed_channel
        ),
        pattern!(
            "unclosed-channel-weak-sender",
            "the worker's sender to itself is a weak one",
            unclosed_channel::weak_sender
        ),
        pattern!(
            "unclosed-channel-shutdown",
            "the worker also waits for a shutdown the call triggers",
            unclosed_channel::shutdown
        ),
        pattern!(
            "forgotten-stop",
            "the poller stops and joins when dropped: the type keeps the contract",
            forgotten_stop
        ),
        pattern!(
            "detached-handle",
            "owned handles: std::thread::scope, a JoinSet",
            detached_handle
        ),
        pattern!(
            "detached-handle-cancel-and-wait",
            "a guard that cancels and joins; a TaskTracker and a CancellationToken",
            detached_handle::cancel_and_wait
        ),
        pattern!(
            "blocking-pool",
            "the blocking loop looks at a cancellation flag, on a pool of its own",
            blocking_pool,
            tasks only,
            check never passes
        ),
        pattern!(
            "stale-answer",
            "a channel per call: a late answer goes where nobody looks",
            stale_answer
        ),
    ]
}
