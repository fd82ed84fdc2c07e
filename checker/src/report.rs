//! The verdict's error: what leaked, told so that a person can act on it.

use std::fmt;
use std::time::Duration;

use crate::LeakedThread;

/// What a failed `verify` found: the threads or tasks still alive after the deadline.
///
/// Its `Display` reads like goleak's: `found N unexpected threads` (or tasks), then one block
/// for each leaked thread with its name, TID, state and, when the kernel tells, where it
/// waits.
///
/// # Examples
///
/// ```
/// # #[tokio::main(flavor = "current_thread", start_paused = true)]
/// # async fn main() {
/// use checker::{Options, TaskSnapshot};
///
/// let before = TaskSnapshot::take(&tokio::runtime::Handle::current());
/// tokio::spawn(std::future::pending::<()>()); // never ends
/// let report = before.verify(&Options::default()).await.unwrap_err();
/// assert_eq!(report.tasks(), 1);
/// assert!(report.to_string().starts_with("found 1 unexpected task"));
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct LeakReport {
    threads: Vec<LeakedThread>,
    tasks: Option<TaskLeak>,
    waited: Duration,
    unsupported: Option<String>,
}

/// The task side of a report.
#[derive(Debug, Clone)]
struct TaskLeak {
    alive: usize,
    baseline: usize,
    flavor: &'static str,
    dumps: Vec<String>,
}

impl LeakReport {
    pub(crate) fn of_threads(threads: Vec<LeakedThread>, waited: Duration) -> Self {
        Self {
            threads,
            tasks: None,
            waited,
            unsupported: None,
        }
    }

    pub(crate) fn of_tasks(
        alive: usize,
        baseline: usize,
        flavor: &'static str,
        dumps: Vec<String>,
        waited: Duration,
    ) -> Self {
        Self {
            threads: Vec::new(),
            tasks: Some(TaskLeak {
                alive,
                baseline,
                flavor,
                dumps,
            }),
            waited,
            unsupported: None,
        }
    }

    pub(crate) fn not_supported(why: String) -> Self {
        Self {
            threads: Vec::new(),
            tasks: None,
            waited: Duration::ZERO,
            unsupported: Some(why),
        }
    }

    /// The threads born after the snapshot that were still alive at the deadline.
    pub fn threads(&self) -> &[LeakedThread] {
        &self.threads
    }

    /// How many tokio tasks were alive above the snapshot's count at the deadline.
    pub fn tasks(&self) -> usize {
        self.tasks.as_ref().map_or(0, |t| t.alive - t.baseline)
    }

    /// The async backtraces of the tasks born after the snapshot and alive at the deadline,
    /// oldest first, when the crate is built with tokio's task dumps (feature `task-dump`
    /// and `--cfg tokio_unstable`, on Linux); empty otherwise.
    pub fn task_dumps(&self) -> &[String] {
        self.tasks.as_ref().map_or(&[], |t| &t.dumps)
    }

    /// Why the check could not be made at all (thread checks off Linux), if that is what
    /// this report says.
    pub fn unsupported(&self) -> Option<&str> {
        self.unsupported.as_deref()
    }

    /// How long the verdict waited before it gave this report.
    pub fn waited(&self) -> Duration {
        self.waited
    }
}

impl fmt::Display for LeakReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(why) = &self.unsupported {
            return write!(f, "no verdict: {why}");
        }
        let waited = humane(self.waited);
        if let Some(tasks) = &self.tasks {
            let n = tasks.alive - tasks.baseline;
            write!(
                f,
                "found {n} unexpected {} on a {} tokio runtime, still alive after {waited} \
                 ({} alive, {} at the snapshot)",
                plural(n, "task", "tasks"),
                tasks.flavor,
                tasks.alive,
                tasks.baseline,
            )?;
            for dump in &tasks.dumps {
                write!(f, "\n\n{}", dump.trim_end())?;
            }
            return Ok(());
        }
        let n = self.threads.len();
        write!(
            f,
            "found {n} unexpected {}, still alive after {waited}:",
            plural(n, "thread", "threads")
        )?;
        for thread in &self.threads {
            write!(f, "\n\nThread {:?} (TID {})", thread.name(), thread.tid())?;
            if thread.name_may_be_truncated() {
                f.write_str(", name cut to the kernel's 15 bytes")?;
            }
            write!(
                f,
                "\n    state: {} ({})",
                thread.state(),
                thread.state_description()
            )?;
            if let Some(wchan) = thread.wait_channel() {
                write!(f, "\n    waits in: {wchan}")?;
                if let Some(meaning) = thread.wait_meaning() {
                    write!(f, " ({meaning})")?;
                }
            }
        }
        Ok(())
    }
}

impl std::error::Error for LeakReport {}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// `500ms`, `1.5s`: short and exact enough for a person.
fn humane(d: Duration) -> String {
    if d < Duration::from_millis(1) {
        format!("{}µs", d.as_micros())
    } else if d < Duration::from_secs(1) {
        format!("{}ms", d.as_millis())
    } else {
        format!("{:.1}s", d.as_secs_f64())
    }
}
