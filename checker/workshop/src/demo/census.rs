//! Running one flavour of a pattern and counting what is alive at two moments: right
//! after the last call returns (what *lingers*: it may still end by itself), and at the
//! closing check (what is *leaked*: still there when every check already started has had
//! time to finish, so it will not end on its own). Then one later call, to see whether an
//! answer meant for an earlier call fools it.

use std::any::Any;
use std::panic::{self, AssertUnwindSafe};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use checker::{LeakReport, Options, TaskSnapshot, ThreadSnapshot};

use super::progress::Progress;
use super::sampler::{self, Mark, Sample, Sampler};
use super::text;
use crate::manifest::Flavour;
use crate::{Pattern, Scenario, TimedOut};

/// What one flavour's run found.
pub(super) struct Census {
    pub(super) flavour: Flavour,
    /// How many calls were made: all that were asked for, unless one failed.
    pub(super) calls_made: usize,
    /// Why the calls stopped early: a call that failed (the OS refused a thread, say).
    pub(super) stopped: Option<String>,
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
    /// Resident memory gained from the flavour's start to the moment its last call
    /// returned, before any verdict is taken: what the leaks hold, and none of the memory
    /// the checker's verdicts and reports use (their stacks, the unwind tables they read).
    pub(super) rss_growth: Option<i64>,
    /// Live threads and tasks over the run, when a plot was asked for.
    pub(super) samples: Vec<Sample>,
    pub(super) marks: Vec<Mark>,
}

impl Census {
    pub(super) fn lingering(&self) -> usize {
        self.lingering_threads + self.lingering_tasks
    }

    pub(super) fn leaked(&self) -> usize {
        self.leaked_threads + self.leaked_tasks
    }
}

/// How a flavour is run.
pub(super) struct Run<'a> {
    pub(super) pattern: &'a Pattern,
    pub(super) scenario: &'a Scenario,
    /// When the closing check comes, after the last call's return.
    pub(super) closing: Duration,
    /// Whether to sample live threads and tasks for a plot.
    pub(super) sample: bool,
    /// Whether to draw a progress bar (on a terminal, for long runs).
    pub(super) progress: bool,
}

/// When the closing check comes, counted from the last call's return: by default, once
/// every check already started could have finished (one tick until a worker starts its
/// check, the check itself, and a margin for a busy machine).
pub(super) fn closing_check(scenario: &Scenario, explicit: Option<Duration>) -> Duration {
    explicit.unwrap_or_else(|| settle_time(scenario))
}

/// How long after the last call every check started by then can have finished: one tick
/// and one check, and a margin of a fifth, at least 100 ms, for a busy machine: twenty
/// demos run at once on two busy cores give their workers back well within it.
pub(super) fn settle_time(scenario: &Scenario) -> Duration {
    let bound = scenario.tick + scenario.verify_takes;
    bound + (bound / 5).max(Duration::from_millis(100))
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

impl Call {
    /// The call begun at `begun` that has just returned `outcome`.
    fn returned(begun: Instant, outcome: Result<(), TimedOut>) -> Self {
        Self {
            took: begun.elapsed(),
            outcome,
        }
    }
}

/// What a flavour's run watches from before its first call to its end, whichever the
/// flavour: the threads alive at the start, resident memory, the samples for a plot, and
/// the progress bar. A flavour makes its calls and takes its verdicts its own way (a thread
/// flavour's calls block, a task flavour's are awaited on a runtime); the moments they
/// share are counted here, the same way for both.
struct Watch {
    sampler: Option<Sampler>,
    rss_before: Option<u64>,
    threads: ThreadSnapshot,
    progress: Progress,
}

impl Watch {
    /// Starts watching: the last thing before the flavour's caller is made.
    fn start(run: &Run<'_>) -> Self {
        let sampler = run.sample.then(Sampler::start);
        let rss_before = sampler::resident_bytes();
        let threads = ThreadSnapshot::take();
        Self {
            sampler,
            rss_before,
            threads,
            progress: Progress::new(run.scenario.calls, run.progress),
        }
    }

    /// Counts call `i`, and prints its line or moves the progress bar.
    fn tell(
        &self,
        census: &mut Census,
        i: usize,
        scenario: &Scenario,
        call: Call,
        tasks: Option<&TaskSnapshot>,
    ) {
        census.tell(i, scenario, call, &self.threads, tasks, &self.progress);
    }

    /// The last call has returned: reads what memory grew by, before any verdict is taken
    /// (a verdict's report, and what the checker reads to make it, are not the leaks' cost),
    /// counts what lingers now, and returns the moment.
    fn last_call_returned(&self, census: &mut Census, tasks: Option<&TaskSnapshot>) -> Instant {
        self.progress.finish();
        let last_return = Instant::now();
        census.rss_growth = growth(self.rss_before);
        if let Some(tasks) = tasks {
            census.lingering_tasks = tasks.alive_now().saturating_sub(tasks.alive());
        }
        census.lingering_threads = threads_alive(&self.threads);
        census.mark(&self.sampler, "last call");
        last_return
    }

    /// Takes the closing check's verdicts.
    fn closed(
        &self,
        census: &mut Census,
        last_return: Instant,
        threads: Result<(), LeakReport>,
        tasks: Option<Result<(), LeakReport>>,
    ) {
        census.close(last_return, threads, tasks);
        census.mark(&self.sampler, census.moment());
    }

    /// Stops watching, and gives the census the samples for its plot.
    fn finish(self, census: &mut Census) {
        census.samples = self.sampler.map(Sampler::finish).unwrap_or_default();
    }
}

pub(super) fn run_threads(run: &Run<'_>) -> Census {
    let make = run.pattern.threads.expect("selected flavours exist");
    let watch = Watch::start(run);
    let mut call = make(run.scenario);
    let mut census = Census::new(Flavour::Threads);
    for i in 1..=run.scenario.calls {
        let begun = Instant::now();
        match quietly(&mut call) {
            Ok(outcome) => {
                let made = Call::returned(begun, outcome);
                watch.tell(&mut census, i, run.scenario, made, None);
            }
            Err(why) => {
                census.stop(i, why);
                break;
            }
        }
    }
    let last_return = watch.last_call_returned(&mut census, None);
    // The caller (and whatever channel it owns) stays alive through the closing check:
    // the leaks shown here last exactly as long as that.
    let verdict = watch
        .threads
        .verify(&Options::default().deadline(run.closing));
    watch.closed(&mut census, last_return, verdict, None);
    if census.stopped.is_none() {
        let begun = Instant::now();
        if let Ok(outcome) = quietly(&mut call) {
            census.later(run.scenario, Call::returned(begun, outcome));
        }
    }
    drop(call);
    watch.finish(&mut census);
    census
}

pub(super) fn run_tasks(run: &Run<'_>) -> anyhow::Result<Census> {
    let make = run.pattern.tasks.expect("selected flavours exist");
    // A current-thread runtime adds no thread, so the thread column stays honest.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        // Its only threads are blocking-pool threads: say so in a report.
        .thread_name("tokio-blocking")
        .build()
        .context("cannot start the tokio runtime for the tasks flavour")?;
    let watch = Watch::start(run);
    let mut census = runtime.block_on(async {
        let handle = tokio::runtime::Handle::current();
        if let Some(sampler) = &watch.sampler {
            sampler.watch(handle.clone());
        }
        let tasks = TaskSnapshot::take(&handle);
        let mut call = make(run.scenario);
        let mut census = Census::new(Flavour::Tasks);
        for i in 1..=run.scenario.calls {
            let begun = Instant::now();
            let made = Call::returned(begun, call().await);
            watch.tell(&mut census, i, run.scenario, made, Some(&tasks));
        }
        let last_return = watch.last_call_returned(&mut census, Some(&tasks));
        let task_verdict = tasks
            .verify(&Options::default().deadline(run.closing))
            .await;
        // Threads a task flavour leaves (blocking work, say) get what is left of the
        // closing check's time.
        let left = run.closing.saturating_sub(last_return.elapsed());
        let thread_verdict = watch.threads.verify(&Options::default().deadline(left));
        watch.closed(&mut census, last_return, thread_verdict, Some(task_verdict));
        let begun = Instant::now();
        census.later(run.scenario, Call::returned(begun, call().await));
        drop(call);
        census
    });
    // Dropping a runtime waits for its blocking jobs, and a job that never ends would hold
    // the demo forever: give them until the closing check's time, no more.
    runtime.shutdown_timeout(run.closing);
    watch.finish(&mut census);
    Ok(census)
}

/// Makes one call; a call that panics (a thread the OS refused to start) is an `Err`
/// with the panic's message, and prints nothing of its own: the demo says what happened.
fn quietly(call: &mut crate::ThreadCall) -> Result<Result<(), TimedOut>, String> {
    QUIET.with(|quiet| quiet.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(call));
    QUIET.with(|quiet| quiet.set(false));
    result.map_err(|payload| message(&*payload))
}

thread_local! {
    /// Set while a call runs under [`quietly`]: its panic is the demo's to tell.
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Leaves a panic's message to the demo while a call runs under [`quietly`]; any other
/// panic is printed as usual.
pub(super) fn hush_calls() {
    let default = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if !QUIET.with(std::cell::Cell::get) {
            default(info);
        }
    }));
}

fn message(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_else(|| "the call panicked".to_owned())
}

fn growth(before: Option<u64>) -> Option<i64> {
    let after = sampler::resident_bytes()?;
    Some(after as i64 - before? as i64)
}

/// How many threads born after `threads` are alive now.
fn threads_alive(threads: &ThreadSnapshot) -> usize {
    match threads.verify(&Options::default().deadline(Duration::ZERO)) {
        Ok(()) => 0,
        Err(report) => report.threads().len(),
    }
}

impl Census {
    fn new(flavour: Flavour) -> Self {
        Self {
            flavour,
            calls_made: 0,
            stopped: None,
            timed_out: 0,
            wrong_results: 0,
            lingering_threads: 0,
            lingering_tasks: 0,
            leaked_threads: 0,
            leaked_tasks: 0,
            reclaim: None,
            reports: Vec::new(),
            later: None,
            rss_growth: None,
            samples: Vec::new(),
            marks: Vec::new(),
        }
    }

    /// Counts one call, and prints its line or moves the progress bar.
    fn tell(
        &mut self,
        i: usize,
        scenario: &Scenario,
        call: Call,
        threads: &ThreadSnapshot,
        tasks: Option<&TaskSnapshot>,
        progress: &Progress,
    ) {
        self.calls_made = i;
        self.timed_out += usize::from(call.outcome.is_err());
        self.wrong_results += usize::from(call.is_wrong(scenario));
        if text::shows_call(i, scenario.calls) {
            progress.suspend(|| text::call_line(i, scenario, &call, threads, tasks));
        } else if i == scenario.calls {
            let made = self.calls_made;
            progress.suspend(|| text::calls_summary(made, self, threads, tasks));
        }
        progress.tick();
    }

    fn stop(&mut self, call: usize, why: String) {
        self.stopped = Some(format!("call {call} failed: {why}"));
        eprintln!(
            "error: call {call} failed: {why}; stopping after {} calls, and counting what \
             they left behind",
            call - 1
        );
    }

    /// What the closing check's moment is called on a plot.
    fn moment(&self) -> &'static str {
        if self.leaked() == 0 {
            "all given back"
        } else {
            "closing check"
        }
    }

    fn mark(&mut self, sampler: &Option<Sampler>, what: &'static str) {
        if let Some(sampler) = sampler {
            self.marks.push(sampler.mark(what));
        }
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

    fn later(&mut self, scenario: &Scenario, call: Call) {
        self.wrong_results += usize::from(call.is_wrong(scenario));
        self.later = Some(call);
    }
}
