//! Asserts that no OS thread and no tokio task outlives the code under test: Rust's goleak.
//!
//! Take a snapshot before the code under test, verify after it. A clean verdict comes at
//! once; anything still alive gets until a deadline to finish, and what is left then is
//! reported by name.
//!
//! Threads (Linux), in a test that runs alone in its own process so that the threads of
//! tests running beside it are never taken for leaks:
//!
//! ```no_run
//! #[test]
//! fn the_worker_is_joined() {
//!     checker::isolated(|| {
//!         let before = checker::ThreadSnapshot::take();
//!         std::thread::spawn(|| {}).join().unwrap();
//!         before.verify(&checker::Options::default()).unwrap();
//!     });
//! }
//! ```
//!
//! Tasks (any platform), under paused time so that the deadline costs no real time:
//!
//! ```
//! # #[tokio::main(flavor = "current_thread", start_paused = true)]
//! # async fn main() {
//! let before = checker::TaskSnapshot::take(&tokio::runtime::Handle::current());
//! tokio::spawn(async {}).await.unwrap();
//! before.verify(&checker::Options::default()).await.unwrap();
//! # }
//! ```

#![warn(missing_docs)]

mod dump;
mod guard;
mod isolated;
mod options;
mod report;
mod sys;
mod tasks;
mod threads;

pub use guard::ThreadGuard;
pub use isolated::isolated;
pub use options::{DEFAULT_DEADLINE, Options};
pub use report::LeakReport;
pub use tasks::TaskSnapshot;
pub use threads::{LeakedThread, ThreadSnapshot};
