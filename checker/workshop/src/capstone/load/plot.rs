//! `--plot FILE`: the runs side by side on one figure, the server's live tasks above and
//! the process's memory below, against the clients that have come and gone. The names of
//! the runs stand in a row above both panels, where no line can run under them.

use std::path::Path;

use plotters::coord::Shift;
use plotters::prelude::*;

use anyhow::Context as _;

use super::record::{Run, Sample};
use crate::figures::{draw_error, short_number};

const WIDTH: u32 = 760;
const KEY_HEIGHT: u32 = 40;
const PANEL_HEIGHT: u32 = 290;
/// Every text on the figure but the panels' titles. plotters writes 1/1.24 of it as the
/// SVG's font size: 13.7 px, on a figure the book's column shows at about its own width.
const FONT: u32 = 17;

/// The runs' colours, in their order, this run's first: Okabe and Ito's blue, orange,
/// green and purple, which read apart in every common colour blindness, and say nothing
/// of good or bad (a run of your server may be either).
const COLORS: [RGBColor; 4] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
];

/// Draws `runs` into `file`.
pub(super) fn draw(file: &Path, runs: &[Run]) -> anyhow::Result<()> {
    let svg = render(runs)?;
    std::fs::write(file, svg).with_context(|| format!("cannot write {}", file.display()))
}

/// The figure of `runs`, as SVG.
fn render(runs: &[Run]) -> anyhow::Result<String> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, KEY_HEIGHT + 2 * PANEL_HEIGHT))
            .into_drawing_area();
        root.fill(&WHITE).map_err(draw_error)?;
        let (key_area, panels) = root.split_vertically(KEY_HEIGHT);
        key(&key_area, runs)?;
        let (tasks_area, memory_area) = panels.split_vertically(PANEL_HEIGHT);
        tasks(&tasks_area, runs)?;
        memory(&memory_area, runs)?;
        root.present().map_err(draw_error)?;
    }
    Ok(svg)
}

/// A stroke of each run's colour, and its name, in one row.
fn key(area: &DrawingArea<SVGBackend<'_>, Shift>, runs: &[Run]) -> anyhow::Result<()> {
    let font = ("sans-serif", FONT).into_font();
    let mut x = 60;
    let y = KEY_HEIGHT as i32 / 2;
    for (run, color) in runs.iter().zip(COLORS) {
        area.draw(&PathElement::new(
            vec![(x, y), (x + 24, y)],
            color.stroke_width(3),
        ))
        .map_err(draw_error)?;
        let text = Text::new(
            run.server.as_str(),
            (x + 30, y - FONT as i32 / 2),
            font.clone(),
        );
        area.draw(&text).map_err(draw_error)?;
        // About half an em a letter: the SVG's text is laid out by whoever shows it.
        let width = run.server.chars().count() as i32 * FONT as i32 * 11 / 20;
        x += 30 + width + 36;
    }
    Ok(())
}

/// The farthest any run went, in clients gone.
fn right(runs: &[Run]) -> f64 {
    runs.iter()
        .flat_map(|r| r.samples.last())
        .map(|s| s.gone as f64)
        .fold(1.0, f64::max)
}

fn points<T>(run: &Run, value: impl Fn(&Sample) -> Option<T>) -> Vec<(f64, T)> {
    run.samples
        .iter()
        .filter_map(|s| Some((s.gone as f64, value(s)?)))
        .collect()
}

/// Live tasks: whole numbers, on an axis of whole numbers, so that its ticks are too (a
/// float axis puts them at fractions, which read as repeated numbers: 0 0 0 1 1 1).
fn tasks(area: &DrawingArea<SVGBackend<'_>, Shift>, runs: &[Run]) -> anyhow::Result<()> {
    let most = runs
        .iter()
        .flat_map(|r| &r.samples)
        .map(|s| s.tasks)
        .max()
        .unwrap_or(0) as u32;
    let top = most + most / 8 + 2;
    let mut chart = ChartBuilder::on(area)
        .caption("live tasks of the server", ("sans-serif", FONT + 3))
        .margin(12)
        .margin_right(24)
        .x_label_area_size(40)
        .y_label_area_size(60)
        .build_cartesian_2d(0.0..right(runs), 0..top)
        .map_err(draw_error)?;
    chart
        .configure_mesh()
        .x_desc("clients that have come and gone")
        .y_desc("tasks")
        .y_labels(top.min(8) as usize + 1)
        .x_label_formatter(&|n| short_number(*n))
        .label_style(("sans-serif", FONT))
        .axis_desc_style(("sans-serif", FONT))
        .light_line_style(WHITE.mix(0.0))
        .draw()
        .map_err(draw_error)?;
    for (run, color) in runs.iter().zip(COLORS) {
        let line = points(run, |s| Some(s.tasks as u32));
        chart
            .draw_series(LineSeries::new(line.clone(), color.stroke_width(2)))
            .map_err(draw_error)?;
        chart
            .draw_series(line.into_iter().map(|p| Circle::new(p, 3, color.filled())))
            .map_err(draw_error)?;
    }
    Ok(())
}

/// The process's resident memory, in MiB.
fn memory(area: &DrawingArea<SVGBackend<'_>, Shift>, runs: &[Run]) -> anyhow::Result<()> {
    let mib = |s: &Sample| s.rss.map(|b| b as f64 / f64::from(1 << 20));
    let most = runs
        .iter()
        .flat_map(|r| &r.samples)
        .filter_map(mib)
        .fold(0.0, f64::max);
    let title = if most > 0.0 {
        "memory of the process"
    } else {
        "memory of the process: not available on this platform"
    };
    let mut chart = ChartBuilder::on(area)
        .caption(title, ("sans-serif", FONT + 3))
        .margin(12)
        .margin_right(24)
        .x_label_area_size(40)
        .y_label_area_size(60)
        .build_cartesian_2d(0.0..right(runs), 0.0..(most * 1.15).max(1.0))
        .map_err(draw_error)?;
    chart
        .configure_mesh()
        .x_desc("clients that have come and gone")
        .y_desc("RSS, MiB")
        .x_label_formatter(&|n| short_number(*n))
        .y_label_formatter(&|n| short_number(*n))
        .label_style(("sans-serif", FONT))
        .axis_desc_style(("sans-serif", FONT))
        .light_line_style(WHITE.mix(0.0))
        .draw()
        .map_err(draw_error)?;
    for (run, color) in runs.iter().zip(COLORS) {
        let line = points(run, mib);
        chart
            .draw_series(LineSeries::new(line.clone(), color.stroke_width(2)))
            .map_err(draw_error)?;
        chart
            .draw_series(line.into_iter().map(|p| Circle::new(p, 3, color.filled())))
            .map_err(draw_error)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(server: &str, tasks: impl Fn(usize) -> usize) -> Run {
        let samples = (0..=3)
            .map(|round| Sample {
                gone: 100 * round,
                tasks: tasks(round),
                subscriptions: 0,
                rss: Some((8 << 20) + (round as u64) * (1 << 18)),
            })
            .collect();
        Run {
            server: server.to_owned(),
            clients_per_round: 100,
            samples,
        }
    }

    /// Each text of the figure: where it stands (x, y), how it is anchored, its font size
    /// and what it says.
    fn texts(svg: &str) -> Vec<(f64, f64, String, f64, String)> {
        let attribute = |tag: &str, name: &str| -> String {
            let from = tag.find(&format!(" {name}=\"")).expect(name) + name.len() + 3;
            tag[from..].split('"').next().unwrap().to_owned()
        };
        svg.split("<text")
            .skip(1)
            .map(|text| {
                let (tag, rest) = text.split_once('>').unwrap();
                let said = rest.split("</text>").next().unwrap().trim().to_owned();
                (
                    attribute(tag, "x").parse().unwrap(),
                    attribute(tag, "y").parse().unwrap(),
                    attribute(tag, "text-anchor"),
                    attribute(tag, "font-size").parse().unwrap(),
                    said,
                )
            })
            .collect()
    }

    #[test]
    fn the_task_axis_of_a_flat_run_counts_in_whole_distinct_numbers() {
        let svg = render(&[run("the solution", |_| 1)]).unwrap();
        let panel = f64::from(KEY_HEIGHT)..f64::from(KEY_HEIGHT + PANEL_HEIGHT);
        let ticks: Vec<String> = texts(&svg)
            .into_iter()
            .filter(|(_, y, anchor, _, _)| anchor == "end" && panel.contains(y))
            .map(|(.., said)| said)
            .collect();
        assert_eq!(ticks, ["0", "1", "2", "3"]);
    }

    #[test]
    fn the_names_of_the_runs_stand_above_both_panels() {
        let svg = render(&[
            run("your server", |r| 1 + 100 * r),
            run("the solution", |_| 1),
        ])
        .unwrap();
        let names: Vec<(f64, String)> = texts(&svg)
            .into_iter()
            .filter(|(.., said)| said == "your server" || said == "the solution")
            .map(|(_, y, _, _, said)| (y, said))
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
        assert!(
            names.iter().all(|(y, _)| *y < f64::from(KEY_HEIGHT)),
            "{names:?}"
        );
    }

    #[test]
    fn no_text_is_smaller_than_a_book_can_show() {
        let svg = render(&[run("your server", |r| 1 + 100 * r)]).unwrap();
        let smallest = texts(&svg)
            .into_iter()
            .map(|t| t.3)
            .fold(f64::MAX, f64::min);
        assert!(smallest >= 13.0, "a text of {smallest} px");
    }
}
