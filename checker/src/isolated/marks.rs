//! The marker lines the child writes around each body's output, and their reading: the
//! protocol between the two processes of [`isolated`](super::isolated), spelled here only.
//!
//! The child brackets each body's output with marker lines, on stdout and on stderr, so
//! that the parent relays the body's output and none of the test harness's own lines. A
//! marker line is [`MARK`], the number of the call it belongs to (`isolated` may be called
//! more than once in a test), and a [`Mark`]: what it marks.

use std::fmt;

/// What starts every marker line.
pub(super) const MARK: &str = "\u{1}checker::isolated ";

/// What a marker line marks. The child writes it with `Display` and the parent reads it
/// back with [`Mark::parse`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Mark {
    /// The body begins; what follows is its output.
    Begin,
    /// The body panicked here; what follows is the panic's message.
    PanickedAt(String),
    /// The body returned an error; what follows is the error.
    Failed,
    /// What follows is the backtrace of the body's panic.
    Backtrace,
    /// The body ended, and how.
    End(Ending),
}

/// How a body that ran to its end in the child ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ending {
    Ok,
    Panicked,
    Failed,
}

impl Mark {
    const PANICKED_AT: &str = "panicked at ";

    /// The mark a marker line's text names; `None` for any other text.
    fn parse(what: &str) -> Option<Self> {
        Some(match what {
            "begin" => Mark::Begin,
            "failed" => Mark::Failed,
            "backtrace" => Mark::Backtrace,
            "end: ok" => Mark::End(Ending::Ok),
            "end: panicked" => Mark::End(Ending::Panicked),
            "end: failed" => Mark::End(Ending::Failed),
            _ => Mark::PanickedAt(what.strip_prefix(Self::PANICKED_AT)?.to_owned()),
        })
    }
}

impl fmt::Display for Mark {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Mark::Begin => f.write_str("begin"),
            Mark::PanickedAt(at) => write!(f, "{}{at}", Self::PANICKED_AT),
            Mark::Failed => f.write_str("failed"),
            Mark::Backtrace => f.write_str("backtrace"),
            Mark::End(Ending::Ok) => f.write_str("end: ok"),
            Mark::End(Ending::Panicked) => f.write_str("end: panicked"),
            Mark::End(Ending::Failed) => f.write_str("end: failed"),
        }
    }
}

/// The marker line of call `call` for `mark`.
pub(super) fn marker(call: usize, mark: &Mark) -> String {
    format!("{MARK}{call} {mark}\u{1}")
}

/// What a marker line marks, if it is one of call `call`'s.
pub(super) fn marked(line: &str, call: usize) -> Option<Mark> {
    let inner = line
        .trim_end_matches(['\n', '\r'])
        .strip_prefix(MARK)?
        .strip_suffix('\u{1}')?;
    let (number, what) = inner.split_once(' ')?;
    if number.parse() != Ok(call) {
        return None;
    }
    Mark::parse(what)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mark_reads_back_as_itself() {
        let marks = [
            Mark::Begin,
            Mark::PanickedAt("tests/a.rs:7:9".to_owned()),
            Mark::Failed,
            Mark::Backtrace,
            Mark::End(Ending::Ok),
            Mark::End(Ending::Panicked),
            Mark::End(Ending::Failed),
        ];
        for mark in marks {
            assert_eq!(marked(&marker(3, &mark), 3), Some(mark.clone()));
            assert_eq!(marked(&marker(3, &mark), 4), None);
        }
        assert_eq!(Mark::parse("end: maybe"), None);
    }
}
