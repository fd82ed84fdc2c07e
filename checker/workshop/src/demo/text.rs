//! What a person reads: one line per call, the two moments in words, the checker's
//! report, and the closing lines.

use std::fmt::Write as _;
use std::time::Duration;

use checker::{TaskSnapshot, ThreadSnapshot};

use super::census::{Call, Census};
use crate::Scenario;
use crate::manifest::Flavour;
pub(super) use crate::words::human;
use crate::words::{COLUMNS, wrap};

/// The run's first two lines: what is called, and how the checks go.
pub(super) fn flavour_header(krate: &str, pattern: &str, flavour: Flavour, scenario: &Scenario) {
    let calls = match scenario.calls {
        1 => "1 call".to_owned(),
        n => format!("{n} calls"),
    };
    println!(
        "{krate} {pattern} ({}): {calls}, each giving up after {}",
        flavour.name(),
        human(scenario.timeout),
    );
    println!("  {}", pace(scenario));
}

/// How the worker's checks follow one another. A check starts on a tick; a check that
/// lasts a tick or longer finds the next tick already due (crossbeam's `tick` keeps one
/// missed tick, tokio's `interval` bursts them by default), so the next check starts as
/// soon as it ends.
fn pace(scenario: &Scenario) -> String {
    let (takes, tick) = (human(scenario.verify_takes), human(scenario.tick));
    if scenario.tick <= scenario.verify_takes {
        format!(
            "a check takes {takes}; checks run back to back (a {tick} tick falls due during each)"
        )
    } else {
        format!("a check takes {takes}, one on each {tick} tick")
    }
}

/// A run of up to this many calls prints a line per call; a longer one prints the first
/// few, then one summary line (and, on a terminal, a progress bar while it runs).
pub(super) const EVERY_CALL_UP_TO: usize = 20;

/// How many calls of a long run get a line of their own, at its start.
const FIRST_CALLS: usize = 5;

/// Whether call `i` of `calls` gets a line of its own.
pub(super) fn shows_call(i: usize, calls: usize) -> bool {
    calls <= EVERY_CALL_UP_TO || i <= FIRST_CALLS
}

/// The line that stands for the calls of a long run: counts, and live threads and tasks
/// after the last one.
pub(super) fn calls_summary(
    made: usize,
    census: &Census,
    threads: &ThreadSnapshot,
    tasks: Option<&TaskSnapshot>,
) {
    let answered = made - census.timed_out;
    let mut line = format!(
        "  calls {}-{made} (not shown one a line): {} timed out, {answered} said ready \
         ({} of them stale); now threads {}",
        FIRST_CALLS + 1,
        census.timed_out,
        census.wrong_results,
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
        // Back before its deadline without an answer: it took "not yet" for one.
        Err(_) if call.took < scenario.timeout => "not yet",
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
pub(super) fn moments(
    census: &Census,
    scenario: &Scenario,
    closing: Duration,
    settle: Duration,
    note: Option<&str>,
) {
    let lingering = census.lingering();
    if lingering == 0 {
        println!("  right after the last call, nothing lingers");
    } else {
        let (verb, who) = if lingering == 1 {
            ("lingers", "it")
        } else {
            ("linger", "they")
        };
        println!(
            "  right after the last call, {} {verb}: still running, {who} may yet end",
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
            let leaked = counted(census.leaked_threads, census.leaked_tasks);
            if closing >= settle {
                println!("  closing check, once every check started could have finished:");
                let own = if census.leaked() == 1 { "its" } else { "their" };
                println!("  {leaked} leaked, and will never end on {own} own");
            } else {
                println!("  closing check, early (--check-deadline): {leaked} still alive");
                println!(
                    "  (some may still be in their check; by default the closing check \
                     waits until all could have finished)"
                );
            }
            if let Some(note) = note {
                print!("{}", aside(note));
            }
            for report in &census.reports {
                indented(&report.to_string());
            }
            if let Some(cost) = cost_per_leak(census) {
                println!("  {cost}");
            }
        }
    }
    if let Some(later) = &census.later {
        let took = human(later.took);
        let what = match later.outcome {
            Ok(()) if later.is_wrong(scenario) => {
                format!("said ready after {took}, before its own check could: a stale answer")
            }
            Ok(()) => format!("said ready after {took}, on its own check's answer"),
            Err(_) => format!("timed out after {took}; no late answer fooled it"),
        };
        println!("  a later call {what}");
    }
}

/// What the leaks cost in memory: the process's growth over the flavour, and its share per
/// leaked thread or task.
pub(super) fn cost_per_leak(census: &Census) -> Option<String> {
    let grew = census.rss_growth?;
    let leaked = census.leaked();
    if leaked == 0 {
        return None;
    }
    let what = match (census.leaked_threads, census.leaked_tasks) {
        (_, 0) => "thread",
        (0, _) => "task",
        _ => "leak",
    };
    if leaked < FEWEST_TO_PRICE {
        // The growth would be mostly the run's own start-up (a runtime, first allocations).
        return Some(format!(
            "memory: too few leaks to price one; --calls 1000 shows what a leaked {what} costs"
        ));
    }
    Some(format!(
        "memory: the process grew by {} by the closing check, about {} per leaked {what}",
        bytes(grew),
        bytes(grew / leaked as i64)
    ))
}

/// Below this many leaks, a run's own start-up (a runtime, first allocations) outweighs
/// them, and a share per leak would mislead.
const FEWEST_TO_PRICE: usize = 100;

/// `1.5 MiB`, `820 B`, `-12 KiB`: bytes as a person reads them.
pub(super) fn bytes(n: i64) -> String {
    let size = n.unsigned_abs() as f64;
    let sign = if n < 0 { "-" } else { "" };
    if size < 1024.0 {
        format!("{n} B")
    } else if size < 1024.0 * 1024.0 {
        format!("{sign}{:.1} KiB", size / 1024.0)
    } else {
        format!("{sign}{:.1} MiB", size / (1024.0 * 1024.0))
    }
}

/// `note` in brackets, under the line it explains, its lines broken to the demo's width.
fn aside(note: &str) -> String {
    let mut out = String::new();
    for (i, line) in wrap(&format!("({note})"), COLUMNS - 3).lines().enumerate() {
        let indent = if i == 0 { "  " } else { "   " };
        let _ = writeln!(out, "{indent}{line}");
    }
    out
}

fn indented(text: &str) {
    for line in wrap(text, COLUMNS - 4).lines() {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_read_short() {
        assert_eq!(bytes(820), "820 B");
        assert_eq!(bytes(1536), "1.5 KiB");
        assert_eq!(bytes(-3 * 1024 * 1024), "-3.0 MiB");
    }

    #[test]
    fn a_long_run_shows_its_first_calls_only() {
        assert!((1..=20).all(|i| shows_call(i, 20)));
        assert!(shows_call(5, 10_000) && !shows_call(6, 10_000));
    }

    fn scenario(verify_takes: u64, tick: u64) -> Scenario {
        Scenario {
            calls: 1,
            timeout: Duration::from_millis(100),
            verify_takes: Duration::from_millis(verify_takes),
            tick: Duration::from_millis(tick),
        }
    }

    #[test]
    fn checks_longer_than_a_tick_are_said_to_run_back_to_back() {
        assert_eq!(
            pace(&scenario(1000, 50)),
            "a check takes 1s; checks run back to back (a 50ms tick falls due during each)"
        );
        assert_eq!(
            pace(&scenario(1000, 1000)),
            "a check takes 1s; checks run back to back (a 1s tick falls due during each)"
        );
        assert_eq!(
            pace(&scenario(5, 50)),
            "a check takes 5ms, one on each 50ms tick"
        );
    }

    #[test]
    fn a_long_note_breaks_into_a_hanging_block() {
        let note = "word ".repeat(40);
        let text = aside(note.trim());
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines.len() > 1, "{text}");
        assert!(lines[0].starts_with("  (word"), "{text}");
        assert!(
            lines[1..].iter().all(|l| l.starts_with("   word")),
            "{text}"
        );
        assert!(text.trim_end().ends_with("word)"), "{text}");
        assert!(lines.iter().all(|l| l.chars().count() <= COLUMNS), "{text}");
    }

    #[test]
    fn counts_read_as_words() {
        assert_eq!(counted(5, 4), "5 threads and 4 tasks");
        assert_eq!(counted(1, 0), "1 thread");
        assert_eq!(counted(0, 1), "1 task");
        assert_eq!(counted(0, 0), "nothing");
    }
}
