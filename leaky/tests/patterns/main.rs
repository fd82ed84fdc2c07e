//! Every leak pattern, proven: the green tests assert that the checker reports exactly the
//! leak (or that the wrong answer comes). The tests marked `#[ignore]` are the red versions:
//! the same checks every fix in `fixed` passes, run here so that they fail with the
//! checker's report, or with the wrong answer. Run them with
//! `cargo test -p leaky -- --ignored`.

mod blocked_send;
mod blocking_pool;
mod detached_handle;
mod double_send;
mod endless_ticker;
mod forgotten_stop;
mod stale_answer;
mod take_first;
mod unclosed_channel;
