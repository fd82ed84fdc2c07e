//! A stand-in for the slow readiness check the workshop's story is about.

use std::thread;
use std::time::{Duration, Instant};

/// A readiness check that takes a while: think of an HTTP health check against a service
/// that is slow to answer. It always gives the same answer, so that a demo is repeatable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Probe {
    takes: Duration,
    passes: bool,
}

impl Probe {
    /// A check that takes `takes` and then says "ready".
    pub fn ready_after(takes: Duration) -> Self {
        Self {
            takes,
            passes: true,
        }
    }

    /// A check that takes `takes` and then says "not ready", every time: the service never
    /// comes up.
    pub fn never_ready(takes: Duration) -> Self {
        Self {
            takes,
            passes: false,
        }
    }

    /// How long one check takes.
    pub fn takes(&self) -> Duration {
        self.takes
    }

    /// Runs one check on this thread, blocking it until the answer comes: a call with no
    /// timeout of its own.
    pub fn check(&self) -> bool {
        thread::sleep(self.takes);
        self.passes
    }

    /// Runs one check on this thread, but gives up at `deadline`: a call with a timeout.
    /// `None` means the deadline came first.
    pub fn check_until(&self, deadline: Instant) -> Option<bool> {
        let left = deadline.saturating_duration_since(Instant::now());
        if self.takes > left {
            thread::sleep(left);
            return None;
        }
        Some(self.check())
    }

    /// Runs one check as a future. Dropping the future abandons the check, as dropping any
    /// future does.
    pub async fn check_async(&self) -> bool {
        tokio::time::sleep(self.takes).await;
        self.passes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "current_thread", start_paused = true)]
    async fn the_async_check_takes_its_time_and_answers() {
        let start = tokio::time::Instant::now();
        assert!(Probe::ready_after(Duration::from_secs(10)).check_async().await);
        assert!(!Probe::never_ready(Duration::from_secs(1)).check_async().await);
        assert_eq!(start.elapsed(), Duration::from_secs(11));
    }

    #[test]
    fn a_check_that_cannot_finish_by_the_deadline_gives_up_at_it() {
        let probe = Probe::ready_after(Duration::from_secs(3600));
        let start = Instant::now();
        assert_eq!(probe.check_until(start + Duration::from_millis(5)), None);
        assert!(start.elapsed() < Duration::from_secs(3600));
    }

    #[test]
    fn a_check_that_fits_the_deadline_answers() {
        let probe = Probe::ready_after(Duration::ZERO);
        let far = Instant::now() + Duration::from_secs(3600);
        assert_eq!(probe.check_until(far), Some(true));
        assert_eq!(Probe::never_ready(Duration::ZERO).check_until(far), Some(false));
    }
}
