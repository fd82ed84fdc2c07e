//! What a person reads: one line per call, the two moments in words, the checker's
//! report, and the closing lines.

use std::fmt::Write as _;
use std::time::Duration;

use checker::{TaskSnapshot, ThreadSnapshot};

use super::census::{Call, Census};
use super::cli::Flavor;
use crate::Scenario;

pub(super) fn flavour_header(krate: &str, pattern: &str, flavor: Flavor, scenario: &Scenario) {
    println!(
        "{krate} {pattern} ({}): {} calls, each gives up after {}; one check takes {}, every {}",
        flavor.name(),
        scenario.calls,
        human(scenario.timeout),
        human(scenario.verify_takes),
        human(scenario.tick),
    );
}

/// One call's line: elapsed, outcome, live threads and tasks against the start.
pub(super) fn call_line(
    i: usize,
    scenario: &Scenario,
    call: &Call,
    threads: &ThreadSnapshot,
    tasks: Option<&TaskSnapshot>,
) {
    let width = scenario.calls.to_string().len();
    let said = match call.outcome {
        Ok(()) if call.is_wrong(scenario) => "stale ready",
        Ok(()) => "ready",
        Err(_) => "timed out",
    };
    let mut line = format!(
        "  call {i:>width$}/{}  {:>8}  {said:<11}  threads {}",
        scenario.calls,
        human(call.took),
        against(ThreadSnapshot::take().len(), threads.len()),
    );
    if let Some(tasks) = tasks {
        let _ = write!(
            line,
            "  tasks {}",
            against(tasks.alive_now(), tasks.alive())
        );
    }
    println!("{line}");
}

/// `7 (+5)`: a live count against the count at the start.
fn against(now: usize, start: usize) -> String {
    let delta = now as i64 - start as i64;
    format!("{now} ({delta:+})")
}

/// The two moments, in words that say which is which, then the checker's report.
pub(super) fn moments(census: &Census, scenario: &Scenario, closing: Duration, settle: Duration) {
    let lingering = census.lingering();
    if lingering == 0 {
        println!("  right after the last call: nothing lingers");
    } else {
        let (verb, who, whose) = if lingering == 1 {
            ("lingers", "it", "its")
        } else {
            ("linger", "they", "their")
        };
        println!(
            "  right after the last call: {} {verb}, still running; {who} may yet end on \
             {whose} own",
            counted(census.lingering_threads, census.lingering_tasks)
        );
    }
    match census.reclaim {
        Some(Duration::ZERO) => println!("  closing check: nothing leaked"),
        Some(reclaim) => println!(
            "  closing check: nothing leaked; all given back {} after the last call",
            human(reclaim)
        ),
        None => {
            println!(
                "  closing check, {} after the last call: {} leaked: {}",
                human(closing),
                counted(census.leaked_threads, census.leaked_tasks),
                if closing >= settle {
                    "every check started has had time to finish, and these have not ended: \
                     they never will on their own"
                } else {
                    "but this check came early (--check-deadline): some may still be in \
                     their check, and the default check waits until all could have finished"
                }
            );
            for report in &census.reports {
                indented(&report.to_string());
            }
        }
    }
    if let Some(later) = &census.later {
        let took = human(later.took);
        let what = match later.outcome {
            Ok(()) if later.is_wrong(scenario) => format!(
                "said ready after {took}, sooner than its own check could: a stale answer, \
                 meant for an earlier call"
            ),
            Ok(()) => format!("ready after {took}: its own check's answer"),
            Err(_) => format!("timed out after {took}: no late answer fooled it"),
        };
        println!("  a later call, after the closing check: {what}");
    }
}

fn indented(text: &str) {
    for line in text.lines() {
        if line.is_empty() {
            println!();
        } else {
            println!("    {line}");
        }
    }
}

/// `5 threads and 4 tasks`, `1 thread`, `nothing`.
pub(super) fn counted(threads: usize, tasks: usize) -> String {
    let thread_part = match threads {
        0 => None,
        1 => Some("1 thread".to_owned()),
        n => Some(format!("{n} threads")),
    };
    let task_part = match tasks {
        0 => None,
        1 => Some("1 task".to_owned()),
        n => Some(format!("{n} tasks")),
    };
    match (thread_part, task_part) {
        (Some(a), Some(b)) => format!("{a} and {b}"),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => "nothing".to_owned(),
    }
}

/// `100ms`, `100.4ms`, `1.25s`: what a person reads in a timing column.
pub(super) fn human(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1e3;
    if ms < 1e3 {
        format!("{}ms", trim_zeros(format!("{ms:.1}")))
    } else {
        format!("{}s", trim_zeros(format!("{:.2}", ms / 1e3)))
    }
}

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
    fn timings_read_short() {
        assert_eq!(human(Duration::from_millis(100)), "100ms");
        assert_eq!(human(Duration::from_micros(100_400)), "100.4ms");
        assert_eq!(human(Duration::from_millis(1250)), "1.25s");
        assert_eq!(human(Duration::from_secs(2)), "2s");
    }

    #[test]
    fn counts_read_as_words() {
        assert_eq!(counted(5, 4), "5 threads and 4 tasks");
        assert_eq!(counted(1, 0), "1 thread");
        assert_eq!(counted(0, 1), "1 task");
        assert_eq!(counted(0, 0), "nothing");
    }
}
