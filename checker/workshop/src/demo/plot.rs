//! `--plot FILE`: an SVG of live threads and live tasks over a run, with the moments that
//! matter marked (the last call, the closing check), one panel per flavour.

use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::census::Census;
use crate::figures::{TITLE_TEXT, draw_error, legend, legend_stroke, present, small_text};

const WIDTH: u32 = 860;
const PANEL_HEIGHT: u32 = 300;

/// Draws the samples of each flavour's census into `file`.
pub(super) fn draw(file: &Path, title: &str, censuses: &[Census]) -> anyhow::Result<()> {
    let height = PANEL_HEIGHT * censuses.len().max(1) as u32;
    let root = SVGBackend::new(file, (WIDTH, height)).into_drawing_area();
    root.fill(&WHITE).map_err(draw_error)?;
    let panels = root.split_evenly((censuses.len().max(1), 1));
    for (panel, census) in panels.iter().zip(censuses) {
        panel_of(panel, title, census)?;
    }
    present(&root, file)
}

fn panel_of(
    area: &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>,
    title: &str,
    census: &Census,
) -> anyhow::Result<()> {
    let samples = &census.samples;
    let first = samples.first().map_or(0.0, |s| s.at.as_secs_f64());
    let last = samples
        .last()
        .map_or(1.0, |s| s.at.as_secs_f64())
        .max(first + 0.001);
    // A little room on the right, past the last sample.
    let right = last + (last - first) * 0.04;
    let baseline_threads = samples.first().map_or(0, |s| s.threads);
    let baseline_tasks = samples.iter().find_map(|s| s.tasks).unwrap_or(0);
    // Counts are whole numbers: the count axis is a range of integers, so that its ticks
    // are too (a float axis puts ticks at half-steps, which read as repeated numbers).
    let count = |n: usize, start: usize| n.saturating_sub(start) as u32;
    let threads: Vec<(f64, u32)> = samples
        .iter()
        .map(|s| (s.at.as_secs_f64(), count(s.threads, baseline_threads)))
        .collect();
    let tasks: Vec<(f64, u32)> = samples
        .iter()
        .filter_map(|s| Some((s.at.as_secs_f64(), count(s.tasks?, baseline_tasks))))
        .collect();
    let most = threads
        .iter()
        .chain(&tasks)
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(0);
    // Headroom above the highest line for the marks' labels.
    let top = most + most / 4 + 2;
    let mut chart = ChartBuilder::on(area)
        .caption(
            format!("{title} ({})", census.flavour.name()),
            ("sans-serif", TITLE_TEXT),
        )
        .margin(12)
        .x_label_area_size(44)
        .y_label_area_size(56)
        .build_cartesian_2d(first..right, 0..top)
        .map_err(draw_error)?;
    chart
        .configure_mesh()
        .x_desc("seconds into the run")
        .y_desc("alive, above the start")
        .label_style(small_text())
        .axis_desc_style(small_text())
        .y_labels(top.min(10) as usize + 1)
        .x_label_formatter(&|s| crate::figures::short_number(*s))
        .light_line_style(WHITE.mix(0.0))
        .draw()
        .map_err(draw_error)?;
    chart
        .draw_series(LineSeries::new(threads, BLUE.stroke_width(2)))
        .map_err(draw_error)?
        .label("threads")
        .legend(legend_stroke(BLUE));
    if !tasks.is_empty() {
        chart
            .draw_series(LineSeries::new(tasks, RED.stroke_width(2)))
            .map_err(draw_error)?
            .label("tasks")
            .legend(legend_stroke(RED));
    }
    // A mark close to the one before it gets its label a line lower, so that no two
    // labels are drawn over each other.
    let close = (right - first) * 0.2;
    let mut previous: Option<(f64, i32)> = None;
    for mark in &census.marks {
        let at = mark.at.as_secs_f64();
        let line = match previous {
            Some((before, line)) if at - before < close => line + 1,
            _ => 0,
        };
        previous = Some((at, line));
        chart
            .draw_series(LineSeries::new(vec![(at, 0), (at, top)], BLACK.mix(0.4)))
            .map_err(draw_error)?;
        // A mark in the right half has its label on its left, so that it never runs past
        // the figure's edge, whatever the font and the run's length.
        let on_the_left = at > first + (right - first) / 2.0;
        let (dx, anchor) = if on_the_left {
            (-4, Pos::new(HPos::Right, VPos::Top))
        } else {
            (4, Pos::new(HPos::Left, VPos::Top))
        };
        let style = small_text().into_text_style(area).pos(anchor);
        chart
            .draw_series(std::iter::once(
                EmptyElement::at((at, top)) + Text::new(mark.what, (dx, 4 + 18 * line), style),
            ))
            .map_err(draw_error)?;
    }
    legend(&mut chart)?;
    Ok(())
}
