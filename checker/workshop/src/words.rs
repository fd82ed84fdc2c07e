//! How the workshop writes for a person: durations as a timing column shows them, and
//! prose wrapped to the width the book and a terminal show without scrolling.

use std::time::Duration;

/// The widest line the workshop prints: the book shows about 100 columns of a code block
/// before it scrolls, and the demo's lines sit indented inside it.
pub const COLUMNS: usize = 96;

/// `100ms`, `100.4ms`, `1.25s`: what a person reads in a timing column, short and exact
/// enough for a person (tenths of a millisecond below a second, hundredths of a second
/// above). The checker's report writes its durations the same way, so that a demo's
/// timings and the report it shows read alike (a test below holds the two together).
pub fn human(d: Duration) -> String {
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

/// `text` with each line wider than `width` broken between words; the lines a long line
/// breaks into keep its indentation (a report's indented block stays one block).
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    for line in text.lines() {
        if line.chars().count() <= width {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let indent = &line[..line.len() - line.trim_start().len()];
        let mut current = indent.to_owned();
        for word in line.trim_start().split(' ') {
            let used = current.chars().count();
            if used > indent.len() && used + 1 + word.chars().count() > width {
                out.push_str(&current);
                out.push('\n');
                current = indent.to_owned();
            }
            if current.len() > indent.len() {
                current.push(' ');
            }
            current.push_str(word);
        }
        out.push_str(&current);
        out.push('\n');
    }
    if !text.ends_with('\n') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_short() {
        assert_eq!(human(Duration::from_millis(100)), "100ms");
        assert_eq!(human(Duration::from_micros(100_400)), "100.4ms");
        assert_eq!(human(Duration::from_micros(300)), "0.3ms");
        assert_eq!(human(Duration::from_millis(1250)), "1.25s");
        assert_eq!(human(Duration::from_secs(2)), "2s");
    }

    #[test]
    fn durations_read_as_the_checkers_report_writes_them() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .start_paused(true)
            .build()
            .unwrap();
        for deadline in [Duration::from_micros(100_400), Duration::from_millis(1250)] {
            let report = runtime.block_on(async {
                let before = checker::TaskSnapshot::take(&tokio::runtime::Handle::current());
                let _never = tokio::spawn(std::future::pending::<()>());
                let options = checker::Options::default().deadline(deadline);
                before.verify(&options).await.unwrap_err()
            });
            let text = report.to_string();
            let said = format!(
                "still alive after {} of tokio's paused clock",
                human(report.waited())
            );
            assert!(text.contains(&said), "{said}\n{text}");
        }
    }

    #[test]
    fn long_lines_break_between_words_and_keep_their_indentation() {
        let text = "one two three four five\n  an indented line\nsix";
        assert_eq!(
            wrap(text, 10),
            "one two\nthree four\nfive\n  an\n  indented\n  line\nsix"
        );
        assert_eq!(wrap("short\n", 10), "short\n");
    }
}
