//! Blocking pool, fixed: the blocking check looks for a reason to stop, and runs on a
//! pool that lets its idle threads go.
//!
//! In `leaky` the check loops on tokio's blocking pool with nothing that could stop it:
//! the caller's timeout drops the `JoinHandle`, and a blocking job that has started cannot
//! be aborted.
//!
//! - [`tasks`], the fix: **a cancellation flag** that a guard raises when the call
//!   returns, however it returns, and that the blocking loop looks at every tick. The
//!   flag alone ends the leak. And **a pool of its own**, which only shortens the wait
//!   for the idle thread: the watcher owns a runtime for its blocking checks, built with
//!   `thread_keep_alive` of one tick (tokio's default keeps an idle thread 10 s; no
//!   bound is set, `max_blocking_threads` stays at 512), and shut down in the background
//!   when the watcher is dropped, since dropping a runtime inside async code panics. The
//!   thread lingers for the check in flight and one tick more, then it is gone.
//!
//! A blocking job that never looks at a flag cannot be stopped by anything but the end
//! of the process. If you cannot change the check, bound it from outside: run it in a
//! child process you can kill.
//!
//! Run it: `cargo run -p fixed -- --pattern blocking-pool`.

pub mod tasks;
