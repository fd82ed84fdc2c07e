//! A progress bar for long runs: on a terminal only, never with `--json`, and never for a
//! run short enough to print a line per call.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A bar over the calls, or nothing.
pub(super) struct Progress(Option<ProgressBar>);

impl Progress {
    /// A bar for `calls` calls, if `wanted` (a terminal, no `--json`) and the run is long
    /// enough that its calls are summarized rather than printed one a line.
    pub(super) fn new(calls: usize, wanted: bool) -> Self {
        if !wanted || calls <= super::text::EVERY_CALL_UP_TO {
            return Self(None);
        }
        let bar = ProgressBar::with_draw_target(Some(calls as u64), ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("  {bar:40} {pos}/{len} calls, {elapsed}")
                .expect("a valid template"),
        );
        Self(Some(bar))
    }

    pub(super) fn tick(&self) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
        }
    }

    /// Prints around the bar, so that the bar is not torn.
    pub(super) fn suspend(&self, print: impl FnOnce()) {
        match &self.0 {
            Some(bar) => bar.suspend(print),
            None => print(),
        }
    }

    pub(super) fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
