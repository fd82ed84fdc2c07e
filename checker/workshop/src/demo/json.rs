//! The one machine-readable line `--json` ends with: a [`Summary`], which the demo writes
//! and the tests and benchmarks read back, with the same type.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::census::Census;
use super::cli::{Choice, Request};
use crate::Scenario;
use crate::manifest::Flavour;

/// A run of the demo in numbers: what it was asked, and what it counted over all the
/// flavours it ran (each flavour's own counts are in [`flavours`](Self::flavours)).
/// Durations are whole milliseconds, in the fields whose names end in `_ms`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// The binary: `leaky` or `fixed`.
    #[serde(rename = "crate")]
    pub krate: String,
    /// The pattern run, by name (`blocked-send`).
    pub pattern: String,
    /// The flavours asked for (`--flavour`).
    pub flavour: Choice,
    /// Each flavour run, in the order run.
    pub flavours: Vec<FlavourSummary>,
    /// The calls asked for (`--calls`).
    pub calls: usize,
    /// How long each call waited (`--timeout`).
    #[serde(rename = "timeout_ms", with = "millis")]
    pub timeout: Duration,
    /// How long one check took (`--verify-takes`).
    #[serde(rename = "verify_takes_ms", with = "millis")]
    pub verify_takes: Duration,
    /// How often a worker checked (`--tick`).
    #[serde(rename = "tick_ms", with = "millis")]
    pub tick: Duration,
    /// When the closing check came, after the last call's return.
    #[serde(rename = "check_deadline_ms", with = "millis")]
    pub check_deadline: Duration,
    /// The calls made: all that were asked for, unless one failed.
    pub calls_made: usize,
    /// Why the calls stopped early, if they did.
    pub stopped: Option<String>,
    pub timed_out: usize,
    /// Alive right after the last call returned.
    pub lingering_threads: usize,
    /// Alive right after the last call returned.
    pub lingering_tasks: usize,
    /// Still alive at the closing check.
    pub leaked_threads: usize,
    /// Still alive at the closing check.
    pub leaked_tasks: usize,
    /// From the last call's return until everything was given back: once the slowest
    /// flavour was; `None` if any flavour was not back by the closing check.
    #[serde(rename = "reclaim_ms", with = "optional_millis")]
    pub reclaim: Option<Duration>,
    /// Calls told "ready" by an answer meant for an earlier call.
    pub wrong_results: usize,
    /// Resident memory gained by the time the last call returned, before any verdict (so
    /// without the checker's reports), where the platform tells.
    pub rss_growth_bytes: Option<i64>,
    /// The whole run.
    #[serde(rename = "elapsed_ms", with = "millis")]
    pub elapsed: Duration,
}

/// What one flavour's run counted (the fields mean what [`Summary`]'s do).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FlavourSummary {
    pub flavour: Flavour,
    pub timed_out: usize,
    pub lingering_threads: usize,
    pub lingering_tasks: usize,
    pub leaked_threads: usize,
    pub leaked_tasks: usize,
    #[serde(rename = "reclaim_ms", with = "optional_millis")]
    pub reclaim: Option<Duration>,
    pub wrong_results: usize,
    pub calls_made: usize,
    pub rss_growth_bytes: Option<i64>,
    /// What the call made after the closing check was told, when it was made.
    pub later_call: Option<LaterCall>,
}

/// What the call made after the closing check was told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LaterCall {
    #[serde(rename = "ready")]
    Ready,
    #[serde(rename = "timed out")]
    TimedOut,
}

impl Summary {
    /// The summary of a run of `krate` as `request` asked, from what each flavour found.
    pub(super) fn of(
        krate: &str,
        request: &Request<'_>,
        scenario: &Scenario,
        closing: Duration,
        censuses: &[Census],
        elapsed: Duration,
    ) -> Self {
        let total = |f: fn(&Census) -> usize| censuses.iter().map(f).sum::<usize>();
        Self {
            krate: krate.to_owned(),
            pattern: request.pattern.name.to_owned(),
            flavour: request.cli.flavour,
            flavours: censuses.iter().map(FlavourSummary::of).collect(),
            calls: scenario.calls,
            timeout: scenario.timeout,
            verify_takes: scenario.verify_takes,
            tick: scenario.tick,
            check_deadline: closing,
            calls_made: total(|c| c.calls_made),
            stopped: censuses.iter().find_map(|c| c.stopped.clone()),
            timed_out: total(|c| c.timed_out),
            lingering_threads: total(|c| c.lingering_threads),
            lingering_tasks: total(|c| c.lingering_tasks),
            leaked_threads: total(|c| c.leaked_threads),
            leaked_tasks: total(|c| c.leaked_tasks),
            // Everything is back once the slowest flavour is; never, if any flavour never was.
            reclaim: censuses
                .iter()
                .map(|c| c.reclaim)
                .try_fold(Duration::ZERO, |a, b| Some(a.max(b?))),
            wrong_results: total(|c| c.wrong_results),
            rss_growth_bytes: censuses.iter().map(|c| c.rss_growth).sum(),
            elapsed,
        }
    }

    /// The one line `--json` prints.
    pub(super) fn line(&self) -> String {
        serde_json::to_string(self).expect("a summary is plain data")
    }
}

impl FlavourSummary {
    fn of(census: &Census) -> Self {
        Self {
            flavour: census.flavour,
            timed_out: census.timed_out,
            lingering_threads: census.lingering_threads,
            lingering_tasks: census.lingering_tasks,
            leaked_threads: census.leaked_threads,
            leaked_tasks: census.leaked_tasks,
            reclaim: census.reclaim,
            wrong_results: census.wrong_results,
            calls_made: census.calls_made,
            rss_growth_bytes: census.rss_growth,
            later_call: census.later.as_ref().map(|call| match call.outcome {
                Ok(()) => LaterCall::Ready,
                Err(_) => LaterCall::TimedOut,
            }),
        }
    }
}

/// A duration as whole milliseconds.
mod millis {
    use std::time::Duration;

    use serde::{Deserialize as _, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u128(d.as_millis())
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        u64::deserialize(d).map(Duration::from_millis)
    }
}

/// A duration as whole milliseconds, or `null`.
mod optional_millis {
    use std::time::Duration;

    use serde::{Deserialize as _, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(d: &Option<Duration>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_some(&d.as_millis()),
            None => s.serialize_none(),
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Duration>, D::Error> {
        Option::<u64>::deserialize(d).map(|ms| ms.map(Duration::from_millis))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_reads_back_as_itself_with_the_fields_named_as_before() {
        let summary = Summary {
            krate: "leaky".to_owned(),
            pattern: "blocked-send".to_owned(),
            flavour: Choice::Both,
            flavours: vec![FlavourSummary {
                flavour: Flavour::Threads,
                timed_out: 3,
                lingering_threads: 3,
                lingering_tasks: 0,
                leaked_threads: 3,
                leaked_tasks: 0,
                reclaim: None,
                wrong_results: 1,
                calls_made: 3,
                rss_growth_bytes: Some(4096),
                later_call: Some(LaterCall::TimedOut),
            }],
            calls: 3,
            timeout: Duration::from_millis(100),
            verify_takes: Duration::from_secs(1),
            tick: Duration::from_millis(50),
            check_deadline: Duration::from_millis(1250),
            calls_made: 3,
            stopped: None,
            timed_out: 3,
            lingering_threads: 3,
            lingering_tasks: 0,
            leaked_threads: 3,
            leaked_tasks: 0,
            reclaim: Some(Duration::ZERO),
            wrong_results: 1,
            rss_growth_bytes: None,
            elapsed: Duration::from_millis(2345),
        };
        let line = summary.line();
        assert_eq!(serde_json::from_str::<Summary>(&line).unwrap(), summary);
        let value: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(value["crate"], "leaky");
        assert_eq!(value["flavour"], "both");
        assert_eq!(value["timeout_ms"], 100);
        assert_eq!(value["reclaim_ms"], 0);
        assert_eq!(value["flavours"][0]["flavour"], "threads");
        assert_eq!(value["flavours"][0]["reclaim_ms"], serde_json::Value::Null);
        assert_eq!(value["flavours"][0]["later_call"], "timed out");
    }
}
