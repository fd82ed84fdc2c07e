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

/// The patterns the demo binary can run, as `--list` shows them.
pub fn patterns() -> Vec<workshop::Pattern> {
    use workshop::watcher_pattern as pattern;
    vec![
        workshop::Pattern {
            tasks_note: Some(
                "a task fewer than calls: the first late answer fits in the \
                 one-slot channel",
            ),
            ..pattern!(
                "blocked-send",
                "a worker blocks forever sending an answer nobody reads",
                blocked_send
            )
        },
        pattern!(
            "take-first",
            "the first of three answers is read; the other workers block on their sends",
            take_first
        ),
        pattern!(
            "double-send",
            "the worker reports twice, the caller reads once: the second send blocks",
            double_send
        ),
        pattern!(
            "endless-ticker",
            "the check never passes, so the worker ticks forever",
            endless_ticker,
            check never passes
        ),
        pattern!(
            "unclosed-channel",
            "the worker serves its queue until it closes; its own sender keeps it open",
            unclosed_channel
        ),
        pattern!(
            "forgotten-stop",
            "an early return forgets to stop the poller, which runs on",
            forgotten_stop
        ),
        pattern!(
            "detached-handle",
            "dropping a JoinHandle detaches the monitor; it does not stop it",
            detached_handle
        ),
        pattern!(
            "blocking-pool",
            "a spawn_blocking check outlives its timeout, looping on the blocking pool",
            blocking_pool,
            tasks only,
            check never passes
        ),
        pattern!(
            "stale-answer",
            "nothing blocks and nothing leaks: a late answer goes to the next call",
            stale_answer
        ),
    ]
}
