//! When this process did not run: what a busy machine, not the fix, adds to a call's
//! lateness on real time.
//!
//! A thread of its own sleeps a millisecond at a time and notes each wake-up that came
//! late. A caller thread delayed by the scheduler is delayed in the same stretches, so a
//! call's lateness minus the stalls after its deadline is what the fix added: a wait after
//! the deadline shows, a busy machine does not.

use std::sync::{Mutex, MutexGuard, Once, PoisonError};
use std::time::Duration;

use tokio::time::Instant;

/// A wake-up this much later than asked for counts as a stall.
const STALL: Duration = Duration::from_millis(5);

/// How long stalls are kept: longer than any check.
const KEPT: Duration = Duration::from_secs(120);

static STALLS: Mutex<Vec<(Instant, Instant)>> = Mutex::new(Vec::new());
static WATCHING: Once = Once::new();

fn stalls() -> MutexGuard<'static, Vec<(Instant, Instant)>> {
    STALLS.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Starts noting stalls, once per process: the thread lives as long as the process, and
/// is started before any check counts threads.
pub(crate) fn watch() {
    WATCHING.call_once(|| {
        std::thread::Builder::new()
            .name("contract-stalls".to_owned())
            .spawn(note_stalls)
            .expect("the OS refused to start a thread");
    });
}

fn note_stalls() {
    let tick = Duration::from_millis(1);
    loop {
        let before = Instant::now();
        std::thread::sleep(tick);
        let after = Instant::now();
        if after - before > tick + STALL {
            let mut stalls = stalls();
            stalls.retain(|(_, to)| after - *to < KEPT);
            stalls.push((before + tick, after));
        }
    }
}

/// How long this process was stalled between `from` and `to`.
pub(crate) fn within(from: Instant, to: Instant) -> Duration {
    stalls()
        .iter()
        .map(|&(start, end)| end.min(to).saturating_duration_since(start.max(from)))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stretch_with_no_stall_excuses_nothing() {
        watch();
        let now = Instant::now();
        assert_eq!(within(now, now), Duration::ZERO);
        assert!(within(now - Duration::from_secs(1000), now) <= Duration::from_secs(1000));
    }
}
