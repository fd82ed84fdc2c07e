//! The verdict's error: what leaked, told so that a person can act on it.

use std::fmt;
use std::time::Duration;

#[cfg(feature = "tokio")]
use crate::TracedTask;
use crate::threads::KERNEL_NAME_LIMIT;
use crate::{LeakedThread, sys};

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
/// Its `Debug` output is the same readable report, so that `verify(..).unwrap()`,
/// `expect` and a test that returns `Result` all print what a person should read (as
/// `anyhow::Error` does).
#[derive(Clone)]
pub struct LeakReport {
    threads: Vec<LeakedThread>,
    #[cfg(feature = "tokio")]
    tasks: Option<Box<TaskLeak>>,
    waited: Duration,
    /// Real time the verdict took, where its clock was tokio's, which may be paused.
    real_waited: Option<Duration>,
    unsupported: Option<Box<str>>,
    /// What the place the verdict was taken in means for reading it (see `context`).
    notes: Vec<String>,
}

/// The task side of a report.
#[cfg(feature = "tokio")]
#[derive(Debug, Clone)]
pub(crate) struct TaskLeak {
    pub(crate) alive: usize,
    pub(crate) baseline: usize,
    /// Traced tasks born after the snapshot and alive at the deadline.
    pub(crate) traced_running: usize,
    pub(crate) flavor: &'static str,
    /// The traced tasks born after the snapshot and alive at the deadline.
    pub(crate) traced: Vec<TracedTask>,
    /// Task dumps of the other tasks born after the snapshot (feature `task-dump`).
    pub(crate) dumps: Vec<String>,
    /// Why the dumps include tasks alive at the snapshot too, when they do.
    pub(crate) dumps_include_older: Option<String>,
}

#[cfg(feature = "tokio")]
impl TaskLeak {
    fn counted(&self) -> usize {
        self.alive.saturating_sub(self.baseline)
    }

    fn leaked(&self) -> usize {
        self.counted().max(self.traced_running)
    }
}

impl LeakReport {
    pub(crate) fn of_threads(threads: Vec<LeakedThread>, waited: Duration) -> Self {
        Self {
            threads,
            #[cfg(feature = "tokio")]
            tasks: None,
            waited,
            real_waited: None,
            unsupported: None,
            notes: Vec::new(),
        }
    }

    #[cfg(feature = "tokio")]
    pub(crate) fn of_tasks(leak: TaskLeak, waited: Duration, real_waited: Duration) -> Self {
        Self {
            threads: Vec::new(),
            tasks: Some(Box::new(leak)),
            waited,
            real_waited: Some(real_waited),
            unsupported: None,
            notes: Vec::new(),
        }
    }

    pub(crate) fn not_supported(why: String) -> Self {
        Self {
            threads: Vec::new(),
            #[cfg(feature = "tokio")]
            tasks: None,
            waited: Duration::ZERO,
            real_waited: None,
            unsupported: Some(why.into_boxed_str()),
            notes: Vec::new(),
        }
    }

    /// The report with notes on where its verdict was taken, shown after what leaked.
    pub(crate) fn with_notes(mut self, notes: Vec<String>) -> Self {
        self.notes.extend(notes);
        self
    }

    /// What the place the verdict was taken in means for reading it, as the report's last
    /// paragraphs say: a test thread whose process may run other tests beside it (their
    /// threads may be reported), or a tokio runtime's thread that the check blocked.
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// The threads born after the snapshot that were still alive at the deadline.
    pub fn threads(&self) -> &[LeakedThread] {
        &self.threads
    }

    /// How many tokio tasks born after the snapshot were alive at the deadline: the
    /// runtime's count above the snapshot's, or, where more traced tasks are known to be
    /// alive (on a `LocalSet`, which tokio does not count), that many. Always 0 for a
    /// thread verdict.
    pub fn tasks(&self) -> usize {
        #[cfg(feature = "tokio")]
        return self.tasks.as_ref().map_or(0, |t| t.leaked());
        #[cfg(not(feature = "tokio"))]
        0
    }

    /// The leaked tasks spawned through [`traced`](crate::traced), oldest first: where
    /// each was spawned and where it waits. Those born after the snapshot on the
    /// snapshot's runtime and alive at the deadline.
    #[cfg(feature = "tokio")]
    pub fn traced_tasks(&self) -> &[TracedTask] {
        self.tasks.as_ref().map_or(&[], |t| &t.traced)
    }

    /// The async backtraces of the untraced tasks born after the snapshot and alive at the
    /// deadline, oldest first, when the crate is built with tokio's task dumps (feature
    /// `task-dump` and `--cfg tokio_unstable`, on Linux); empty otherwise.
    #[cfg(feature = "tokio")]
    pub fn task_dumps(&self) -> &[String] {
        self.tasks.as_ref().map_or(&[], |t| &t.dumps)
    }

    /// Why the check could not be made at all (thread checks on a platform other than
    /// Linux, macOS and Windows), if that is what this report says.
    pub fn unsupported(&self) -> Option<&str> {
        self.unsupported.as_deref()
    }

    /// How long the verdict waited before it gave this report. A task verdict waits on
    /// tokio's clock, which under paused time runs ahead of the real one.
    pub fn waited(&self) -> Duration {
        self.waited
    }

    /// Whether the wait was on tokio's paused clock: it went by while little real time
    /// did, because a paused runtime jumps to the next timer when it has nothing to do.
    fn waited_on_paused_clock(&self) -> Option<Duration> {
        let real = self.real_waited?;
        // A running clock and the real one agree to within the gap between reading them.
        (self.waited > real + PAUSED_CLOCK_MARGIN).then_some(real)
    }
}

/// How far tokio's clock must run ahead of the real one for a report to call it paused.
const PAUSED_CLOCK_MARGIN: Duration = Duration::from_millis(1);

impl fmt::Display for LeakReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_findings(f)?;
        for note in &self.notes {
            write!(f, "\n\n{note}")?;
        }
        Ok(())
    }
}

impl LeakReport {
    fn write_findings(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(why) = &self.unsupported {
            return write!(f, "no verdict: {why}");
        }
        let mut waited = human_duration(self.waited);
        if let Some(real) = self.waited_on_paused_clock() {
            waited = format!(
                "{waited} of tokio's paused clock ({} of real time)",
                human_duration(real)
            );
        }
        #[cfg(feature = "tokio")]
        if let Some(tasks) = &self.tasks {
            return write_tasks(f, tasks, &waited);
        }
        let n = self.threads.len();
        write!(
            f,
            "found {n} unexpected {}, still alive after {waited}:",
            plural(n, "thread", "threads")
        )?;
        for group in groups(&self.threads) {
            write_group(f, &group)?;
        }
        Ok(())
    }
}

/// The task side of a report, as its text says it.
#[cfg(feature = "tokio")]
fn write_tasks(f: &mut fmt::Formatter<'_>, tasks: &TaskLeak, waited: &str) -> fmt::Result {
    let n = tasks.leaked();
    write!(
        f,
        "found {n} unexpected {} on a {} tokio runtime ({} alive, {} at the \
         snapshot), still alive after {waited}",
        plural(n, "task", "tasks"),
        tasks.flavor,
        tasks.alive,
        tasks.baseline,
    )?;
    if tasks.traced_running > tasks.counted() {
        write!(
            f,
            "\n\ntokio counts {} of them; the traced tasks below are alive all the \
             same (tokio's count leaves out tasks on a LocalSet, and a task that ended \
             meanwhile hides one born)",
            tasks.counted()
        )?;
    }
    write_traced(f, &tasks.traced)?;
    let untraced = n.saturating_sub(tasks.traced.len());
    if untraced > 0 && !tasks.dumps.is_empty() {
        write!(
            f,
            "\n\n{untraced} {} not spawned through checker::traced; tokio's task \
             dumps below tell where {}.",
            plural(untraced, "task was", "tasks were"),
            plural(untraced, "it waits", "they wait"),
        )?;
        if let Some(why) = &tasks.dumps_include_older {
            write!(f, " {why}.")?;
        }
    } else if untraced > 0 {
        write!(
            f,
            "\n\n{untraced} {} not spawned through checker::traced: where {} is \
             not known (spawn as tokio::spawn(checker::traced(future)) to see it)",
            plural(untraced, "task was", "tasks were"),
            plural(untraced, "it waits", "they wait"),
        )?;
    }
    for dump in &tasks.dumps {
        write!(f, "\n\n{}", dump.trim_end())?;
    }
    Ok(())
}

impl fmt::Debug for LeakReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Threads that read the same in a report: same name, state, wait and notes. A pool of
/// identical leaked workers then reads as one block with its count, not a block each.
fn groups(threads: &[LeakedThread]) -> Vec<Vec<&LeakedThread>> {
    let mut groups: Vec<Vec<&LeakedThread>> = Vec::new();
    for thread in threads {
        match groups
            .iter_mut()
            .find(|group| reads_the_same(group[0], thread))
        {
            Some(group) => group.push(thread),
            None => groups.push(vec![thread]),
        }
    }
    groups
}

fn reads_the_same(a: &LeakedThread, b: &LeakedThread) -> bool {
    a.name() == b.name()
        && a.state() == b.state()
        && a.wait_channel() == b.wait_channel()
        && a.name_is_truncated() == b.name_is_truncated()
        && a.name_may_be_inherited() == b.name_may_be_inherited()
        && a.unreadable_reason() == b.unreadable_reason()
        && a.stack() == b.stack()
}

fn write_group(f: &mut fmt::Formatter<'_>, group: &[&LeakedThread]) -> fmt::Result {
    let first = group[0];
    let mut tids: Vec<u64> = group.iter().map(|thread| thread.tid()).collect();
    tids.sort_unstable();
    if let [tid] = tids[..] {
        write!(f, "\n\nThread {:?} (TID {tid})", first.name())?;
    } else {
        write!(
            f,
            "\n\n{} threads {:?} (TIDs {})",
            group.len(),
            first.name(),
            ranges(&tids)
        )?;
    }
    if let Some(why) = first.unreadable_reason() {
        write!(f, "\n    not readable: {why}; it is listed, so it is alive")?;
        return Ok(());
    }
    if first.name_is_truncated() {
        // Only a platform that keeps a limited number of bytes cuts a name.
        let limit = KERNEL_NAME_LIMIT.map_or_else(String::new, |n| format!(" to {n} bytes"));
        write!(
            f,
            "
    name: cut by the kernel{limit}, inside a character"
        )?;
    } else if first.name_may_be_truncated() && !is_tokio_thread_name(first.name()) {
        let limit = KERNEL_NAME_LIMIT.map_or_else(String::new, |n| format!("{n} bytes, "));
        write!(
            f,
            "
    name: {limit}the kernel's limit: maybe cut"
        )?;
    }
    if is_tokio_thread_name(first.name()) {
        f.write_str(
            "\n    name: tokio's, for a runtime's workers and its blocking threads; after \
             `spawn_blocking` an idle blocking thread stays 10 s (`thread_keep_alive`). If \
             it is the runtime's own, excuse the runtime's threads by TID (checker::TestRuntime \
             or StartedThreads); an unnamed thread a task started wears this name too, \
             and is a leak",
        )?;
    } else if first.name_may_be_inherited() {
        f.write_str(
            "\n    name: maybe not its own; a thread that never names itself wears the \
             name of the thread that started it",
        )?;
    }
    write!(f, "\n    state: {}", first.state())?;
    if let Some(wchan) = first.wait_channel() {
        write!(f, "\n    waits in: {wchan}")?;
        if let Some(meaning) = first.wait_meaning() {
            write!(f, " ({meaning})")?;
        }
    } else if let Some(why) = sys::NO_WAIT_CHANNEL {
        write!(f, "\n    waits in: {why}")?;
    }
    crate::stacks::write(f, first.stack())
}

/// Whether `name` is one tokio gives its threads by default (see
/// `threads::RUNTIME_WORKER_NAMES`).
fn is_tokio_thread_name(name: &str) -> bool {
    crate::threads::RUNTIME_WORKER_NAMES.contains(&name)
}

/// Traced tasks, those that read the same as one block: where they were spawned, their
/// IDs, and where they wait, innermost frame first.
#[cfg(feature = "tokio")]
fn write_traced(f: &mut fmt::Formatter<'_>, tasks: &[TracedTask]) -> fmt::Result {
    let mut groups: Vec<Vec<&TracedTask>> = Vec::new();
    for task in tasks {
        match groups.iter_mut().find(|group| group[0].reads_like(task)) {
            Some(group) => group.push(task),
            None => groups.push(vec![task]),
        }
    }
    for group in groups {
        let first = group[0];
        // tokio's task IDs are opaque: named as tokio shows them, in their order only so
        // that a report reads the same each time.
        let mut ids: Vec<tokio::task::Id> = group.iter().filter_map(|task| task.id()).collect();
        ids.sort_unstable();
        let shown: Vec<String> = ids.iter().take(MOST_IDS).map(ToString::to_string).collect();
        let more = match ids.len().saturating_sub(MOST_IDS) {
            0 => String::new(),
            more => format!(" and {more} more"),
        };
        let ids = match ids.len() {
            0 => String::new(),
            1 => format!(" (tokio task ID {})", shown[0]),
            _ => format!(" (tokio task IDs {}{more})", shown.join(", ")),
        };
        let count = match group.len() {
            1 => "Task".to_owned(),
            n => format!("{n} tasks"),
        };
        write!(f, "\n\n{count} spawned at {}{ids}", first.spawned_at())?;
        if let Some(why) = first.why_no_wait() {
            write!(f, "\n    waits where it cannot be told: {why}")?;
        }
        for (i, (at, function)) in first.wait_frames().enumerate() {
            let how = if i == 0 { "waits at" } else { "called from" };
            write!(f, "\n    {how} {at}\n        in {function}")?;
        }
    }
    Ok(())
}

/// `5334-5338, 5400`: sorted numbers with runs of consecutive ones folded, and at most
/// [`MOST_RANGES`] of those runs named: a report of ten thousand leaks stays readable.
fn ranges<N: Copy + Into<u64>>(sorted: &[N]) -> String {
    let numbers: Vec<u64> = sorted.iter().map(|&n| n.into()).collect();
    let mut parts = Vec::new();
    let mut i = 0;
    while i < numbers.len() {
        let mut j = i;
        while j + 1 < numbers.len() && numbers[j + 1] == numbers[j] + 1 {
            j += 1;
        }
        parts.push(match j - i {
            0 => numbers[i].to_string(),
            1 => format!("{}, {}", numbers[i], numbers[j]),
            _ => format!("{}-{}", numbers[i], numbers[j]),
        });
        i = j + 1;
    }
    if parts.len() > MOST_RANGES {
        let more = parts.len() - MOST_RANGES;
        parts.truncate(MOST_RANGES);
        parts.push(format!("and {more} more runs"));
    }
    parts.join(", ")
}

/// How many runs of IDs a report names before it says how many more there are.
const MOST_RANGES: usize = 8;

/// How many tokio task IDs a block of tasks names before it says how many more there are.
#[cfg(feature = "tokio")]
const MOST_IDS: usize = 16;

impl std::error::Error for LeakReport {}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// `100ms`, `100.4ms`, `1.25s`: a duration as a report writes it, short and exact enough
/// for a person (tenths of a millisecond below a second, hundredths of a second above).
pub(crate) fn human_duration(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1e3;
    if ms < 1e3 {
        format!("{}ms", trim_zeros(format!("{ms:.1}")))
    } else {
        format!("{}s", trim_zeros(format!("{:.2}", ms / 1e3)))
    }
}

/// `100.0` as `100`, `1.50` as `1.5`.
fn trim_zeros(number: String) -> String {
    if number.contains('.') {
        number
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_owned()
    } else {
        number
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_short() {
        assert_eq!(human_duration(Duration::from_millis(100)), "100ms");
        assert_eq!(human_duration(Duration::from_micros(100_400)), "100.4ms");
        assert_eq!(human_duration(Duration::from_micros(300)), "0.3ms");
        assert_eq!(human_duration(Duration::from_millis(1250)), "1.25s");
        assert_eq!(human_duration(Duration::from_secs(2)), "2s");
    }

    #[test]
    fn runs_of_ids_are_folded() {
        assert_eq!(ranges(&[7u32]), "7");
        assert_eq!(ranges(&[7u32, 8]), "7, 8");
        assert_eq!(ranges(&[1u32, 2, 3, 5, 9, 10, 11, 12]), "1-3, 5, 9-12");
    }

    #[test]
    fn ten_thousand_scattered_ids_read_in_one_line() {
        let every_other: Vec<u64> = (0..10_000).map(|n| n * 2).collect();
        let text = ranges(&every_other);
        assert!(text.ends_with(", and 9992 more runs"), "{text}");
        assert!(text.len() < 80, "{text}");
    }
}
