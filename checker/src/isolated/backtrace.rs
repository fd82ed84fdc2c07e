//! The backtrace of a body's panic in the child, as the panic hook would print it: the
//! child prints it once, in place of the hook, and the parent relays it.
//!
//! std prints a short backtrace under `RUST_BACKTRACE=1`: the frames between its panic
//! machinery (`__rust_end_short_backtrace`) and the test harness
//! (`__rust_begin_short_backtrace`). std keeps that trimming to itself, so it is done
//! here on the text of a full backtrace.

use std::env;

/// The backtrace of the panic being handled, as `RUST_BACKTRACE` asks for it: none when it
/// is unset or `0`, every frame for `full`, and otherwise the frames between the panic's
/// machinery and the test harness's, as the panic hook's short backtrace shows them.
pub(super) fn backtrace_here() -> Option<String> {
    let style = env::var("RUST_BACKTRACE").ok()?;
    if style == "0" {
        return None;
    }
    let full = std::backtrace::Backtrace::force_capture().to_string();
    if style == "full" {
        return Some(full);
    }
    Some(short(&full))
}

/// `full`, a backtrace as std's `Display` writes it, cut to the frames a short backtrace
/// shows and numbered again from 0.
fn short(full: &str) -> String {
    // Frames are numbered lines ("  12: name"), each followed by its "at" lines.
    let mut frames: Vec<Vec<&str>> = Vec::new();
    for line in full.lines() {
        let numbered = line
            .trim_start()
            .split_once(": ")
            .is_some_and(|(n, _)| n.parse::<usize>().is_ok());
        match frames.last_mut() {
            Some(frame) if !numbered => frame.push(line),
            _ => frames.push(vec![line]),
        }
    }
    let names = |frame: &Vec<&str>, symbol: &str| frame[0].contains(symbol);
    let first = frames
        .iter()
        .rposition(|f| names(f, "__rust_end_short_backtrace"))
        .map_or(0, |i| i + 1);
    let last = frames
        .iter()
        .position(|f| names(f, "__rust_begin_short_backtrace"))
        .unwrap_or(frames.len());
    let mut short = String::from("stack backtrace:");
    for (i, frame) in frames.get(first..last).unwrap_or(&[]).iter().enumerate() {
        let name = frame[0]
            .trim_start()
            .split_once(": ")
            .map_or("", |(_, n)| n);
        short.push_str(&format!("\n{i:>4}: {name}"));
        for at in &frame[1..] {
            short.push('\n');
            short.push_str(at);
        }
    }
    short.push_str(
        "\nnote: Some details are omitted, run with `RUST_BACKTRACE=full` for a verbose \
         backtrace.",
    );
    short
}

#[cfg(test)]
mod tests {
    use super::short;

    #[test]
    fn a_short_backtrace_keeps_the_frames_between_the_panic_and_the_harness() {
        let full = "   0: std::backtrace::Backtrace::force_capture
   1: std::panicking::begin_panic::__rust_end_short_backtrace
   2: my_test::body
             at ./tests/a.rs:7:9
   3: my_test::run
   4: test::__rust_begin_short_backtrace
   5: std::rt::lang_start";
        let text = short(full);
        assert!(
            text.starts_with(
                "stack backtrace:\n   0: my_test::body\n             at ./tests/a.rs:7:9\n   \
                 1: my_test::run\nnote: "
            ),
            "{text}"
        );
    }
}
