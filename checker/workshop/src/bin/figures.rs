//! Draws the book's timelines, one per pattern: the caller's deadline, the worker's check,
//! and where the worker blocks, loops or ends. `bash docs/generate` runs it.
//!
//!     cargo run -p workshop --bin figures -- DIR

use std::path::Path;

use workshop::figures::{Lane, Segment, Span::*, timeline};

fn main() -> anyhow::Result<()> {
    let Some(dir) = std::env::args().nth(1) else {
        anyhow::bail!("usage: figures DIR (the folder to write the timelines into)");
    };
    std::fs::create_dir_all(&dir)?;
    for (name, title, lanes) in timelines() {
        let file = Path::new(&dir).join(format!("{name}.svg"));
        // The caller in take-first waits for its first answer; every other has a 1 s deadline.
        let deadline = (name != "take_first").then_some(1.0);
        timeline(&file, title, deadline, &lanes)?;
    }
    Ok(())
}

fn lane(label: &'static str, segments: Vec<Segment>) -> Lane {
    Lane { label, segments }
}

fn seg(from: f64, to: f64, span: workshop::figures::Span, text: &'static str) -> Segment {
    Segment {
        from,
        to,
        span,
        text,
    }
}

/// The story's times: a 1 s deadline against a 10 s check; the picture ends at 14 s, and
/// what goes on past it goes on forever.
fn timelines() -> Vec<(&'static str, &'static str, Vec<Lane>)> {
    let gives_up = || seg(0.0, 1.0, Wait, "waits; gives up at 1 s");
    let check = || seg(0.0, 10.0, Work, "check (10 s)");
    vec![
        (
            "blocked_send",
            "Blocked send: the late send waits for a receiver forever",
            vec![
                lane("caller", vec![gives_up()]),
                lane(
                    "worker",
                    vec![check(), seg(10.0, 14.0, Stuck, "send: nobody receives")],
                ),
            ],
        ),
        (
            "take_first",
            "Take first: one answer is read; the other workers block on their sends",
            vec![
                lane(
                    "caller",
                    vec![
                        seg(0.0, 10.0, Wait, "waits for the first answer"),
                        seg(10.0, 10.2, Done, "takes it"),
                    ],
                ),
                lane(
                    "worker 1",
                    vec![check(), seg(10.0, 10.2, Done, "answer read")],
                ),
                lane(
                    "worker 2",
                    vec![check(), seg(10.0, 14.0, Stuck, "send: nobody receives")],
                ),
                lane(
                    "worker 3",
                    vec![check(), seg(10.0, 14.0, Stuck, "send: nobody receives")],
                ),
            ],
        ),
        (
            "double_send",
            "Double send: the caller reads \"not yet\" and leaves; \"ready\" waits forever",
            vec![
                lane(
                    "caller",
                    vec![seg(0.0, 0.3, Done, "reads \"not yet\", returns")],
                ),
                lane(
                    "worker",
                    vec![
                        seg(0.0, 0.3, Done, "sends \"not yet\""),
                        seg(0.3, 10.3, Work, "check (10 s)"),
                        seg(10.3, 14.0, Stuck, "sends \"ready\": nobody receives"),
                    ],
                ),
            ],
        ),
        (
            "endless_ticker",
            "Endless ticker: the check never passes, so the loop never ends",
            vec![
                lane("caller", vec![gives_up()]),
                lane(
                    "worker",
                    vec![
                        seg(0.0, 3.0, Work, "check: no"),
                        seg(3.0, 6.0, Work, "check: no"),
                        seg(6.0, 9.0, Work, "check: no"),
                        seg(9.0, 14.0, Loop, "and so on, forever"),
                    ],
                ),
            ],
        ),
        (
            "unclosed_channel",
            "Unclosed channel: the worker's own sender keeps its queue open",
            vec![
                lane(
                    "caller",
                    vec![seg(0.0, 1.0, Wait, "asks each tick; gives up")],
                ),
                lane(
                    "worker",
                    vec![
                        check(),
                        seg(10.0, 14.0, Stuck, "waits for a request only it could send"),
                    ],
                ),
            ],
        ),
        (
            "forgotten_stop",
            "Forgotten stop: the early return skips `stop`; the poller runs on",
            vec![
                lane(
                    "caller",
                    vec![seg(0.0, 1.0, Wait, "looks each tick; returns early")],
                ),
                lane(
                    "poller",
                    vec![
                        check(),
                        seg(10.0, 14.0, Loop, "ticks forever: never stopped"),
                    ],
                ),
            ],
        ),
        (
            "detached_handle",
            "Detached handle: dropping the JoinHandle lets the monitor run on",
            vec![
                lane(
                    "caller",
                    vec![seg(0.0, 1.0, Wait, "returns, drops the handle")],
                ),
                lane(
                    "monitor",
                    vec![check(), seg(10.0, 14.0, Loop, "checks every tick, forever")],
                ),
            ],
        ),
        (
            "blocking_pool",
            "Blocking pool: the timeout fires; the blocking job cannot be stopped",
            vec![
                lane(
                    "task",
                    vec![seg(0.0, 1.0, Wait, "timeout drops the handle")],
                ),
                lane(
                    "pool thread",
                    vec![
                        seg(0.0, 4.0, Work, "check: no"),
                        seg(4.0, 8.0, Work, "check: no"),
                        seg(8.0, 14.0, Loop, "loops forever"),
                    ],
                ),
            ],
        ),
        (
            "stale_answer",
            "Stale answer: nothing blocks; the late answer goes to the next call",
            vec![
                lane("call 1", vec![gives_up()]),
                lane(
                    "worker 1",
                    vec![check(), seg(10.0, 10.3, Done, "answer left in the channel")],
                ),
                lane(
                    "call 2",
                    vec![seg(11.0, 11.3, Wrong, "\"ready\" at once: the old answer")],
                ),
            ],
        ),
    ]
}
