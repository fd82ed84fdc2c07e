//! The one machine-readable line `--json` ends with.

use std::time::Duration;

use serde_json::{Value, json};

use super::census::Census;
use super::cli::Request;
use crate::Scenario;

pub(super) fn line(
    krate: &str,
    request: &Request<'_>,
    scenario: &Scenario,
    closing: Duration,
    censuses: &[Census],
    elapsed: Duration,
) -> Value {
    let total = |f: fn(&Census) -> usize| censuses.iter().map(f).sum::<usize>();
    // Everything is back once the slowest flavour is; never, if any flavour never was.
    let reclaim: Option<Duration> = censuses
        .iter()
        .map(|c| c.reclaim)
        .try_fold(Duration::ZERO, |a, b| Some(a.max(b?)));
    json!({
        "crate": krate,
        "pattern": request.pattern.name,
        "flavour": request.cli.flavour.name(),
        "flavours": censuses.iter().map(flavour).collect::<Vec<_>>(),
        "calls": scenario.calls,
        "timeout_ms": scenario.timeout.as_millis(),
        "verify_takes_ms": scenario.verify_takes.as_millis(),
        "tick_ms": scenario.tick.as_millis(),
        "check_deadline_ms": closing.as_millis(),
        "calls_made": total(|c| c.calls_made),
        "stopped": censuses.iter().find_map(|c| c.stopped.clone()),
        "timed_out": total(|c| c.timed_out),
        "lingering_threads": total(|c| c.lingering_threads),
        "lingering_tasks": total(|c| c.lingering_tasks),
        "leaked_threads": total(|c| c.leaked_threads),
        "leaked_tasks": total(|c| c.leaked_tasks),
        "reclaim_ms": reclaim.map(|d| d.as_millis()),
        "wrong_results": total(|c| c.wrong_results),
        "rss_growth_bytes": censuses.iter().map(|c| c.rss_growth).sum::<Option<i64>>(),
        "elapsed_ms": elapsed.as_millis(),
    })
}

fn flavour(census: &Census) -> Value {
    json!({
        "flavour": census.flavour.name(),
        "timed_out": census.timed_out,
        "lingering_threads": census.lingering_threads,
        "lingering_tasks": census.lingering_tasks,
        "leaked_threads": census.leaked_threads,
        "leaked_tasks": census.leaked_tasks,
        "reclaim_ms": census.reclaim.map(|d| d.as_millis()),
        "wrong_results": census.wrong_results,
        "calls_made": census.calls_made,
        "rss_growth_bytes": census.rss_growth,
        "later_call": census.later.as_ref().map(|call| match call.outcome {
            Ok(()) => "ready",
            Err(_) => "timed out",
        }),
    })
}
