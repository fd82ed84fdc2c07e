//! The book's figures, drawn by the code that measures them: lines over a measured axis,
//! and bars, as SVG files.

use std::path::Path;

use anyhow::Context as _;
use plotters::coord::{CoordTranslate, Shift};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The size of a figure's smallest text, in plotters' units. plotters writes a font of
/// size `n` into an SVG as `n / 1.24` pixels, and the book shows each figure at its own
/// width: 15 is 12.1 px on the page, above the 11 px below which the book's browser test
/// fails a label.
pub(crate) const SMALL_TEXT: f64 = 15.0;
/// A figure's title.
pub(crate) const TITLE_TEXT: f64 = 20.0;

/// The font of a figure's labels, ticks and legend.
pub(crate) fn small_text() -> FontDesc<'static> {
    ("sans-serif", SMALL_TEXT).into_font()
}

/// A named series of points.
pub type Series<'a> = (&'a str, Vec<(f64, f64)>);

/// Lines through each series' points, on axes named `x` and `y`.
pub fn lines(
    file: &Path,
    title: &str,
    x: &str,
    y: &str,
    series: &[Series<'_>],
) -> anyhow::Result<()> {
    let points = series.iter().flat_map(|(_, points)| points);
    let right = points.clone().map(|p| p.0).fold(1.0, f64::max) * 1.05;
    let top = points.map(|p| p.1).fold(1.0, f64::max) * 1.15;
    let root = SVGBackend::new(file, (760, 420)).into_drawing_area();
    root.fill(&WHITE).map_err(draw_error)?;
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", TITLE_TEXT))
        .margin(14)
        .x_label_area_size(46)
        .y_label_area_size(70)
        .build_cartesian_2d(0.0..right, 0.0..top)
        .map_err(draw_error)?;
    chart
        .configure_mesh()
        .x_desc(x)
        .y_desc(y)
        .label_style(small_text())
        .axis_desc_style(small_text())
        .x_label_formatter(&|v| short_number(*v))
        .y_label_formatter(&|v| short_number(*v))
        .draw()
        .map_err(draw_error)?;
    for ((name, points), color) in series.iter().zip([BLUE, RED, GREEN, MAGENTA]) {
        chart
            .draw_series(LineSeries::new(points.clone(), color.stroke_width(2)))
            .map_err(draw_error)?
            .label(*name)
            .legend(legend_stroke(color));
        chart
            .draw_series(points.iter().map(|&p| Circle::new(p, 3, color.filled())))
            .map_err(draw_error)?;
    }
    legend(&mut chart)?;
    present(&root, file)
}

/// One horizontal bar per `(label, value)`, longest scale first, the value written beside
/// each bar.
pub fn bars(file: &Path, title: &str, x: &str, bars: &[(String, f64)]) -> anyhow::Result<()> {
    let right = bars.iter().map(|b| b.1).fold(1.0, f64::max) * 1.25;
    let height = 80 + 34 * bars.len() as u32;
    let root = SVGBackend::new(file, (760, height)).into_drawing_area();
    root.fill(&WHITE).map_err(draw_error)?;
    let (title_area, rest) = root.split_vertically(36);
    title_area
        .titled(title, ("sans-serif", TITLE_TEXT))
        .map_err(draw_error)?;
    let label_width = 300;
    let (labels, plot) = rest.split_horizontally(label_width);
    let rows = bars.len().max(1) as f64;
    // The right margin leaves room for the last tick's label, centred on the axis's end.
    let mut chart = ChartBuilder::on(&plot)
        .margin(10)
        .margin_right(30)
        .x_label_area_size(44)
        .build_cartesian_2d(0.0..right, 0.0..rows)
        .map_err(draw_error)?;
    chart
        .configure_mesh()
        .x_desc(x)
        .label_style(small_text())
        .axis_desc_style(small_text())
        .x_label_formatter(&|v| short_number(*v))
        .disable_y_mesh()
        .disable_y_axis()
        .draw()
        .map_err(draw_error)?;
    for (i, (label, value)) in bars.iter().enumerate() {
        let row = rows - i as f64 - 1.0;
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(0.0, row + 0.2), (*value, row + 0.8)],
                BLUE.mix(0.7).filled(),
            )))
            .map_err(draw_error)?;
        chart
            .draw_series(std::iter::once(Text::new(
                format!("{value:.0}"),
                (*value + right * 0.01, row + 0.65),
                small_text(),
            )))
            .map_err(draw_error)?;
        let y = 10 + ((i as f64 + 0.35) * (f64::from(height - 36 - 56) / rows)) as i32;
        labels
            .draw(&Text::new(label.as_str(), (10, y), small_text()))
            .map_err(draw_error)?;
    }
    present(&root, file)
}

/// A tick label as short as its value allows: `2`, `0.05`, `1200`, never `1200.0`.
pub(crate) fn short_number(value: f64) -> String {
    let rounded = (value * 1000.0).round() / 1000.0;
    if rounded == rounded.trunc() {
        format!("{rounded:.0}")
    } else {
        format!("{rounded}")
    }
}

/// Writes the drawing out to `file`.
pub(crate) fn present(
    root: &DrawingArea<SVGBackend<'_>, Shift>,
    file: &Path,
) -> anyhow::Result<()> {
    root.present()
        .map_err(draw_error)
        .with_context(|| format!("cannot write {}", file.display()))
}

/// The names of a chart's lines, each beside a stroke of its colour, boxed in the upper
/// left corner: every figure with lines shows them the same way.
pub(crate) fn legend<'a, CT: CoordTranslate>(
    chart: &mut ChartContext<'a, SVGBackend<'a>, CT>,
) -> anyhow::Result<()> {
    chart
        .configure_series_labels()
        .label_font(small_text())
        .border_style(BLACK.mix(0.3))
        .background_style(WHITE.mix(0.9))
        .position(SeriesLabelPosition::UpperLeft)
        .draw()
        .map_err(draw_error)
}

/// A line's stroke in the legend: short, in the line's colour and width.
pub(crate) fn legend_stroke(color: RGBColor) -> impl Fn((i32, i32)) -> PathElement<(i32, i32)> {
    move |(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], color.stroke_width(2))
}

/// A drawing backend's error, as the demo and the figures report it.
pub(crate) fn draw_error(e: impl std::fmt::Display) -> anyhow::Error {
    anyhow::anyhow!("cannot draw the figure: {e}")
}

pub use workshop_manifest::{Lane, Segment, Span, Timeline};

/// A stretch's colour.
fn color(span: Span) -> RGBColor {
    match span {
        Span::Wait => RGBColor(170, 170, 170),
        Span::Work => RGBColor(70, 120, 200),
        Span::Stuck => RGBColor(210, 60, 50),
        Span::Loop => RGBColor(235, 150, 40),
        Span::Done => RGBColor(60, 160, 80),
        Span::Wrong => RGBColor(150, 60, 170),
    }
}

/// A timeline: one row per lane, time from 0 to the last segment's end, which stands for
/// "forever" (an arrow says so), and a line at the caller's deadline, if it has one.
pub fn timeline(file: &Path, timeline: &Timeline) -> anyhow::Result<()> {
    let Timeline {
        title,
        deadline,
        lanes,
    } = timeline;
    let end = lanes
        .iter()
        .flat_map(|l| &l.segments)
        .map(|s| s.to)
        .fold(1.0, f64::max);
    let height = 90 + 56 * lanes.len() as u32;
    let root = SVGBackend::new(file, (820, height)).into_drawing_area();
    root.fill(&WHITE).map_err(draw_error)?;
    let rows = lanes.len() as f64;
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", TITLE_TEXT))
        .margin(12)
        .x_label_area_size(44)
        .y_label_area_size(100)
        .build_cartesian_2d(0.0..end * 1.02, 0.0..rows)
        .map_err(draw_error)?;
    let names: Vec<&str> = lanes.iter().map(|l| l.label.as_str()).collect();
    chart
        .configure_mesh()
        .disable_y_mesh()
        .label_style(small_text())
        .axis_desc_style(small_text())
        .x_desc(
            "seconds at the story's scale: a 1 s deadline, a 10 s check \
             (the demo runs it 10 times faster)",
        )
        .x_label_formatter(&|v| format!("{v:.0}"))
        .y_labels(lanes.len() * 2 + 1)
        .y_label_formatter(&|y| {
            let row = rows - y - 0.5;
            let i = row.round();
            if (row - i).abs() < 0.01 && i >= 0.0 && (i as usize) < names.len() {
                names[i as usize].to_owned()
            } else {
                String::new()
            }
        })
        .draw()
        .map_err(draw_error)?;
    // A label goes above its stretch, starting where the stretch starts; one that would
    // run past the right edge ends there instead, and one that would run into the label
    // before it in its lane goes below its stretch.
    let right_edge = chart.backend_coord(&(end * 1.02, 0.0)).0;
    let width_of = |text: &str| text.chars().count() as i32 * 7 * SMALL_TEXT as i32 / 12;
    for (i, lane) in lanes.iter().enumerate() {
        let row = rows - i as f64 - 1.0;
        let mut taken_to = i32::MIN;
        for segment in &lane.segments {
            let color = color(segment.span);
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [
                        (segment.from, row + 0.3),
                        (segment.to.max(segment.from + 0.08), row + 0.7),
                    ],
                    color.filled(),
                )))
                .map_err(draw_error)?;
            let font = TextStyle::from(small_text());
            let start = chart.backend_coord(&(segment.from + 0.05, row)).0;
            let below = start < taken_to + 8;
            let height = if below { row + 0.26 } else { row + 0.92 };
            let label = if start + width_of(&segment.text) > right_edge {
                let font = font.pos(Pos::new(HPos::Right, VPos::Top));
                Text::new(segment.text.clone(), (end * 1.02, height), font)
            } else {
                Text::new(segment.text.clone(), (segment.from + 0.05, height), font)
            };
            if !below {
                taken_to = (start + width_of(&segment.text)).min(right_edge);
            }
            chart
                .draw_series(std::iter::once(label))
                .map_err(draw_error)?;
            if segment.to >= end && matches!(segment.span, Span::Stuck | Span::Loop) {
                chart
                    .draw_series(std::iter::once(Text::new(
                        "→ ∞",
                        (end * 0.965, row + 0.62),
                        ("sans-serif", SMALL_TEXT + 1.0).into_font().color(&WHITE),
                    )))
                    .map_err(draw_error)?;
            }
        }
    }
    if let Some(at) = *deadline {
        chart
            .draw_series(LineSeries::new(vec![(at, 0.0), (at, rows)], BLACK.mix(0.5)))
            .map_err(draw_error)?;
    }
    present(&root, file)
}
