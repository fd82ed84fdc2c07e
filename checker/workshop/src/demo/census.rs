//! Running one flavour of a pattern and counting what is alive at two moments: right
//! after the last call returns (what *lingers*: it may still end by itself), and at the
//! closing check (what is *leaked*: still there when every check already started has had
//! time to finish, so it will not end on its own). Then one later call, to see whether an answer
//! meant for an earlier call fools it.

use std::time::{Duration, Instant};

use anyhow::Context as _;
use checker::{LeakReport, Options, TaskSnapshot, ThreadSnapshot};

use super::cli::Flavor;
use super::text;
use crate::{Pattern, Scenario, TimedOut};

/// What one flavour's run found.
pub(super) struct Census {
    pub(super) flavor: Flavor,
    pub(super) timed_out: usize,
    pub(super) wrong_results: usize,
    pub(super) lingering_threads: usize,
    pub(super) lingering_tasks: usize,
    pub(super) leaked_threads: usize,
    pub(super) leaked_tasks: usize,
    /// From the last call's return until the counts were back at the start; `None` when
    /// they were not back by the closing check.
    pub(super) reclaim: Option<Duration>,
    /// The checker's reports at the closing check, threads first.
    pub(super) reports: Vec<LeakReport>,
    /// The call made after the closing check.
    pub(super) later: Option<Call>,
}

impl Census {
    pub(super) fn lingering(&self) -> usize {
        self.lingering_threads + self.lingering_tasks
    }

    pub(super) fn leaked(&self) -> usize {
        self.leaked_threads + self.leaked_tasks
    }
}

/// When the closing check comes, counted from the last call's return: by default, once
/// every check already started could have finished (one tick until a worker starts its
/// check, the check itself, and a margin for a busy machine).
pub(super) fn closing_check(scenario: &Scenario, explicit: Option<Duration>) -> Duration {
    explicit.unwrap_or_else(|| settle_time(scenario))
}

/// How long after the last call every check started by then can have finished.
pub(super) fn settle_time(scenario: &Scenario) -> Duration {
    let bound = scenario.tick + scenario.verify_takes;
    bound + (bound / 5).max(Duration::from_millis(200))
}

/// A call's outcome as the demo tells it.
pub(super) struct Call {
    pub(super) took: Duration,
    pub(super) outcome: Result<(), TimedOut>,
}

impl Call {
    /// A call that says "ready" sooner than its own check could have finished has been
    /// handed an answer meant for an earlier call: a wrong result.
    pub(super) fn is_wrong(&self, scenario: &Scenario) -> bool {
        self.outcome.is_ok() && self.took < scenario.verify_takes
    }
}

pub(super) fn run_threads(pattern: &Pattern, scenario: &Scenario, closing: Duration) -> Census {
    let make = pattern.threads.expect("selected flavours exist");
    let threads = ThreadSnapshot::take();
    let mut call = make(scenario);
    let mut census = Census::new(Flavor::Threads);
    for i in 1..=scenario.calls {
        let begun = Instant::now();
        let outcome = call();
        census.tell(
            i,
            scenario,
            Call {
                took: begun.elapsed(),
                outcome,
            },
            &threads,
            None,
        );
    }
    let last_return = Instant::now();
    census.lingering_threads = threads_alive(&threads);
    // The caller (and whatever channel it owns) stays alive through the closing check:
    // the leaks shown here last exactly as long as that.
    let verdict = threads.verify(&Options::default().deadline(closing));
    census.close(last_return, verdict, None);
    let begun = Instant::now();
    let outcome = call();
    census.later(
        scenario,
        Call {
            took: begun.elapsed(),
            outcome,
        },
    );
    drop(call);
    census
}

pub(super) fn run_tasks(
    pattern: &Pattern,
    scenario: &Scenario,
    closing: Duration,
) -> anyhow::Result<Census> {
    let make = pattern.tasks.expect("selected flavours exist");
    // A current-thread runtime adds no thread, so the thread column stays honest.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        // Its only threads are blocking-pool threads: say so in a report.
        .thread_name("tokio-blocking")
        .build()
        .context("cannot start the tokio runtime for the tasks flavor")?;
    let threads = ThreadSnapshot::take();
    let census = runtime.block_on(async {
        let tasks = TaskSnapshot::take(&tokio::runtime::Handle::current());
        let mut call = make(scenario);
        let mut census = Census::new(Flavor::Tasks);
        for i in 1..=scenario.calls {
            let begun = Instant::now();
            let outcome = call().await;
            let call = Call {
                took: begun.elapsed(),
                outcome,
            };
            census.tell(i, scenario, call, &threads, Some(&tasks));
        }
        let last_return = Instant::now();
        census.lingering_tasks = tasks.alive_now().saturating_sub(tasks.alive());
        census.lingering_threads = threads_alive(&threads);
        let task_verdict = tasks.verify(&Options::default().deadline(closing)).await;
        // Threads a task flavour leaves (blocking work, say) get what is left of the
        // closing check's time.
        let left = closing.saturating_sub(last_return.elapsed());
        let thread_verdict = threads.verify(&Options::default().deadline(left));
        census.close(last_return, thread_verdict, Some(task_verdict));
        let begun = Instant::now();
        let outcome = call().await;
        census.later(
            scenario,
            Call {
                took: begun.elapsed(),
                outcome,
            },
        );
        drop(call);
        census
    });
    // Dropping a runtime waits for its blocking jobs, and a job that never ends would hold
    // the demo forever: give them until the closing check's time, no more.
    runtime.shutdown_timeout(closing);
    Ok(census)
}

/// How many threads born after `threads` are alive now.
fn threads_alive(threads: &ThreadSnapshot) -> usize {
    match threads.verify(&Options::default().deadline(Duration::ZERO)) {
        Ok(()) => 0,
        Err(report) => report.threads().len(),
    }
}

impl Census {
    fn new(flavor: Flavor) -> Self {
        Self {
            flavor,
            timed_out: 0,
            wrong_results: 0,
            lingering_threads: 0,
            lingering_tasks: 0,
            leaked_threads: 0,
            leaked_tasks: 0,
            reclaim: None,
            reports: Vec::new(),
            later: None,
        }
    }

    fn later(&mut self, scenario: &Scenario, call: Call) {
        self.wrong_results += usize::from(call.is_wrong(scenario));
        self.later = Some(call);
    }

    /// Counts one call and prints its line.
    fn tell(
        &mut self,
        i: usize,
        scenario: &Scenario,
        call: Call,
        threads: &ThreadSnapshot,
        tasks: Option<&TaskSnapshot>,
    ) {
        self.timed_out += usize::from(call.outcome.is_err());
        self.wrong_results += usize::from(call.is_wrong(scenario));
        text::call_line(i, scenario, &call, threads, tasks);
    }

    /// Takes the closing check's verdicts. Each verdict returns as soon as its counts are
    /// back at the start, so the later of the two is when everything was given back.
    fn close(
        &mut self,
        last_return: Instant,
        threads: Result<(), LeakReport>,
        tasks: Option<Result<(), LeakReport>>,
    ) {
        let back = last_return.elapsed();
        let mut clean = true;
        if let Err(report) = threads {
            self.leaked_threads = report.threads().len();
            self.reports.push(report);
            clean = false;
        }
        if let Some(Err(report)) = tasks {
            self.leaked_tasks = report.tasks();
            self.reports.push(report);
            clean = false;
        }
        self.reclaim = match (clean, self.lingering()) {
            (false, _) => None,
            (true, 0) => Some(Duration::ZERO),
            (true, _) => Some(back),
        };
    }
}
