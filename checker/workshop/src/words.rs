//! How the workshop writes for a person: durations as a timing column shows them, and
//! prose wrapped to the width the book and a terminal show without scrolling.

/// The widest line the workshop prints: the book shows about 100 columns of a code block
/// before it scrolls, and the demo's lines sit indented inside it.
pub const COLUMNS: usize = 96;

/// `100ms`, `100.4ms`, `1.25s`: what a person reads in a timing column. The checker's
/// report writes its durations with the same function, so that a demo's timings and the
/// report it shows read alike.
pub use checker::human_duration as human;

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
    fn long_lines_break_between_words_and_keep_their_indentation() {
        let text = "one two three four five\n  an indented line\nsix";
        assert_eq!(
            wrap(text, 10),
            "one two\nthree four\nfive\n  an\n  indented\n  line\nsix"
        );
        assert_eq!(wrap("short\n", 10), "short\n");
    }
}
