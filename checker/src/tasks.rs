//! Task verdicts: how many tokio tasks are alive above a snapshot's count.
//!
//! tokio counts the tasks a runtime owns (`RuntimeMetrics::num_alive_tasks`): spawned and not
//! yet finished or dropped. It does not count `spawn_blocking` jobs (those run on threads, and
//! thread checks see them) nor the future given to `block_on` (a `#[tokio::test]` body).

use std::time::Duration;

use tokio::runtime::{Handle, RuntimeFlavor};
use tokio::time::Instant;

use crate::report::{LeakReport, TaskLeak};
use crate::{Options, dump, traced};

/// See the thread side: small first steps, capped growth. Here the waits are tokio's, so
/// under paused time they cost no real time at all.
const FIRST_RETRY: Duration = Duration::from_micros(50);
const MAX_RETRY: Duration = Duration::from_millis(10);

/// The number of tasks alive on one tokio runtime at one moment.
///
/// # Examples
///
/// ```
/// # #[tokio::main(flavor = "current_thread", start_paused = true)]
/// # async fn main() {
/// use checker::{Options, TaskSnapshot};
///
/// let before = TaskSnapshot::take(&tokio::runtime::Handle::current());
/// let worker = tokio::spawn(async {});
/// worker.await.unwrap();
/// before.verify(&Options::default()).await.expect("the task finished");
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct TaskSnapshot {
    handle: Handle,
    alive: usize,
    /// Tells later traced futures from earlier ones, for the report's wait sites.
    traced_since: u64,
}

impl TaskSnapshot {
    /// Records how many tasks are alive now on the runtime behind `handle`.
    pub fn take(handle: &Handle) -> Self {
        Self {
            handle: handle.clone(),
            alive: handle.metrics().num_alive_tasks(),
            traced_since: traced::watermark(),
        }
    }

    /// How many tasks were alive at the snapshot.
    pub fn alive(&self) -> usize {
        self.alive
    }

    /// How many tasks are alive now on the snapshot's runtime.
    pub fn alive_now(&self) -> usize {
        self.handle.metrics().num_alive_tasks()
    }

    /// Checks that no more tasks are alive than at the snapshot.
    ///
    /// Returns `Ok` at once when that holds. Otherwise it re-checks with a growing backoff
    /// until `options`' deadline, then returns the report. It waits with tokio's time, so it
    /// must run inside a runtime with time enabled; under paused time the wait is free.
    /// On a multi-thread runtime a finished task leaves the count a moment late, which is
    /// why a clean process may take a re-check or two.
    ///
    /// tokio counts none of the tasks of a `LocalSet` (nor of a `LocalRuntime`'s local
    /// tasks spawned with `spawn_local`), and gives no way to ask whether code runs inside
    /// one: a verdict taken there must be told, with [`Options::inside_local_set`]. Told
    /// so, it sees only the traced tasks, and a verdict that finds nothing answers that it
    /// cannot see the local ones (an `Err` whose [`LeakReport::unsupported`] says so),
    /// unless the options also say they are all traced ([`Options::local_tasks_traced`]).
    /// Untold, it counts the runtime's tasks and the traced ones, and an untraced local
    /// task goes unseen.
    pub async fn verify(&self, options: &Options) -> Result<(), LeakReport> {
        let verdict = self.count_until_deadline(options).await;
        if !options.is_inside_local_set() || options.local_tasks_are_traced() {
            return verdict;
        }
        // tokio counts none of a LocalSet's tasks: only traced ones are seen here.
        match verdict {
            Ok(()) => Err(LeakReport::not_supported(
                "this task verdict was taken inside a tokio LocalSet (Options::inside_local_set), \
                 whose tasks tokio does not count: a task spawned there with spawn_local \
                 cannot be seen. Spawn each one through checker::traced, which the verdict \
                 sees, and say so with Options::local_tasks_traced()"
                    .to_owned(),
            )),
            Err(report) => Err(report.with_notes(vec![
                "This verdict was taken inside a tokio LocalSet, whose tasks tokio does not \
                 count: local tasks not spawned through checker::traced are not seen, and may \
                 have leaked too."
                    .to_owned(),
            ])),
        }
    }

    async fn count_until_deadline(&self, options: &Options) -> Result<(), LeakReport> {
        let started = Instant::now();
        let real_start = std::time::Instant::now();
        let deadline = started + options.deadline_value();
        let mut wait = FIRST_RETRY;
        loop {
            // Traced tasks a stack rule excuses count as not there.
            let excused = self.traced_excused(options);
            let alive = self.alive_now().saturating_sub(excused);
            if alive <= self.alive && self.traced_running() <= excused {
                return Ok(());
            }
            let now = Instant::now();
            if now >= deadline {
                // A task that was woken before the deadline may not have been polled yet
                // (this very future may have kept the runtime's only thread): let it run
                // once before calling it a leak.
                tokio::task::yield_now().await;
                let excused = self.traced_excused(options);
                let alive = self.alive_now().saturating_sub(excused);
                let traced_running = self.traced_running().saturating_sub(excused);
                if alive <= self.alive && traced_running == 0 {
                    return Ok(());
                }
                let real_waited = real_start.elapsed();
                let mut traced = traced::alive_since(self.traced_since, self.handle.id());
                traced.retain(|task| !task.excused_by(options));
                let mut dumps = dump::alive_tasks(&self.handle).await;
                // A traced task's wait is told already, in the caller's terms.
                dumps.retain(|(id, _)| id.is_none() || !traced.iter().any(|task| task.id() == *id));
                // tokio's task IDs do not tell a task born after the snapshot from one
                // alive at it: with none alive then, every task in the dump is a leak.
                let dumps_include_older = (self.alive > 0 && !dumps.is_empty()).then(|| {
                    let (tasks, are) = match self.alive {
                        1 => ("task", "is"),
                        _ => ("tasks", "are"),
                    };
                    format!(
                        "The {} {tasks} alive at the snapshot {are} among these, as tokio's task \
                         IDs do not tell which tasks were born later",
                        self.alive
                    )
                });
                let leak = TaskLeak {
                    alive,
                    baseline: self.alive,
                    traced_running,
                    flavor: flavor_name(self.handle.runtime_flavor()),
                    traced,
                    dumps: dumps.into_iter().map(|(_, dump)| dump).collect(),
                    dumps_include_older,
                };
                return Err(LeakReport::of_tasks(leak, now - started, real_waited));
            }
            tokio::time::sleep(wait.min(deadline - now)).await;
            wait = (wait * 2).min(retry_cap(now - started, real_start.elapsed()));
        }
    }
}

impl TaskSnapshot {
    /// Traced tasks born after the snapshot on its runtime and alive:
    /// leaks by identity, seen even where tokio's count is blind (a `LocalSet`).
    fn traced_running(&self) -> usize {
        traced::alive_count_since(self.traced_since, self.handle.id())
    }

    /// Traced tasks born after the snapshot that a stack rule of `options` excuses.
    fn traced_excused(&self, options: &Options) -> usize {
        traced::excused_count_since(self.traced_since, self.handle.id(), options)
    }
}

/// The longest wait between re-checks: [`MAX_RETRY`], or, once tokio's clock has run ahead
/// of the real one (paused time, which jumps to the next timer), as far ahead as it has run.
/// A paused verdict then takes a few dozen re-checks, not one per 10 ms of its deadline,
/// and each costs real time, while a longer wait costs none.
fn retry_cap(waited: Duration, real_waited: std::time::Duration) -> Duration {
    MAX_RETRY.max(waited.saturating_sub(real_waited))
}

pub(crate) fn flavor_name(flavor: RuntimeFlavor) -> &'static str {
    match flavor {
        RuntimeFlavor::CurrentThread => "current-thread",
        RuntimeFlavor::MultiThread => "multi-thread",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_stay_short_while_tokios_clock_keeps_pace_with_the_real_one() {
        let second = Duration::from_secs(1);
        assert_eq!(retry_cap(second, second), MAX_RETRY);
        assert_eq!(retry_cap(second, second + MAX_RETRY), MAX_RETRY);
    }

    #[test]
    fn waits_grow_as_far_as_a_paused_clock_has_run_ahead() {
        let ahead = retry_cap(Duration::from_secs(40), Duration::from_millis(1));
        assert_eq!(ahead, Duration::from_secs(40) - Duration::from_millis(1));
    }
}
