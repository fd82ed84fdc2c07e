//! A stand-in for the slow readiness check the workshop's story is about.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, RecvTimeoutError, Sender, TryRecvError, bounded};

/// A readiness check that takes a while: think of an HTTP health check against a service
/// that is slow to answer. It always gives the same answer, so that a demo is repeatable.
///
/// A test that runs on real threads can hold a probe's checks at a [`Gate`] until it opens
/// the gate, so that "the deadline wins" never depends on how busy the machine is.
#[derive(Debug, Clone)]
pub struct Probe {
    takes: Duration,
    /// The answer every check gives; shared by the clones, so that a [`Switch`] can change
    /// it for all of them.
    passes: Arc<AtomicBool>,
    /// Disconnected once the gate opens; a receive on it then returns at once.
    gate: Option<Receiver<()>>,
}

/// Holds every check of a gated probe until [`open`](Gate::open) is called or the gate is
/// dropped.
#[derive(Debug)]
pub struct Gate {
    /// Never sent on: dropping it disconnects the probe's receiver, which opens the gate.
    _open: Sender<()>,
}

impl Gate {
    /// Lets every check through, now and from now on.
    pub fn open(self) {}
}

/// Changes the answer of a probe and of all its clones: see [`Probe::switchable`].
#[derive(Debug, Clone)]
pub struct Switch {
    passes: Arc<AtomicBool>,
}

impl Switch {
    /// From now on every check of the probe says "not ready"; a check under way when
    /// this is called may give either answer.
    pub fn never_ready(&self) {
        self.passes.store(false, Ordering::SeqCst);
    }
}

impl Probe {
    /// A check that takes `takes` and then says "ready".
    pub fn ready_after(takes: Duration) -> Self {
        Self {
            takes,
            passes: Arc::new(AtomicBool::new(true)),
            gate: None,
        }
    }

    /// A check that takes `takes` and then says "not ready", every time: the service never
    /// comes up.
    pub fn never_ready(takes: Duration) -> Self {
        Self {
            takes,
            passes: Arc::new(AtomicBool::new(false)),
            gate: None,
        }
    }

    /// This probe, with a [`Switch`] that turns its answer to "not ready" for it and all
    /// its clones: what a test needs to catch an answer meant for an earlier call.
    pub fn switchable(self) -> (Self, Switch) {
        let switch = Switch {
            passes: Arc::clone(&self.passes),
        };
        (self, switch)
    }

    /// This probe with its checks held at a gate: each check first waits for the gate to
    /// open, then takes its time and answers.
    pub fn gated(mut self) -> (Self, Gate) {
        let (open, gate) = bounded(0);
        self.gate = Some(gate);
        (self, Gate { _open: open })
    }

    /// How long one check takes (once its gate, if any, is open).
    pub fn takes(&self) -> Duration {
        self.takes
    }

    /// Runs one check on this thread, blocking it until the answer comes: a call with no
    /// timeout of its own.
    pub fn check(&self) -> bool {
        if let Some(gate) = &self.gate {
            let _ = gate.recv();
        }
        thread::sleep(self.takes);
        self.answer()
    }

    fn answer(&self) -> bool {
        self.passes.load(Ordering::SeqCst)
    }

    /// Runs one check on this thread, but gives up at `deadline`: a call with a timeout.
    /// `None` means the deadline came first.
    pub fn check_until(&self, deadline: Instant) -> Option<bool> {
        if let Some(gate) = &self.gate
            && gate.recv_deadline(deadline) == Err(RecvTimeoutError::Timeout)
        {
            return None;
        }
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
        if let Some(gate) = &self.gate {
            // A gate is a thread primitive; an async check looks at it once a millisecond
            // (of tokio's time, so paused time does not spin).
            while gate.try_recv() == Err(TryRecvError::Empty) {
                tokio::time::sleep(Duration::from_millis(1)).await;
            }
        }
        tokio::time::sleep(self.takes).await;
        self.answer()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "current_thread", start_paused = true)]
    async fn the_async_check_takes_its_time_and_answers() {
        let start = tokio::time::Instant::now();
        assert!(
            Probe::ready_after(Duration::from_secs(10))
                .check_async()
                .await
        );
        assert!(
            !Probe::never_ready(Duration::from_secs(1))
                .check_async()
                .await
        );
        assert_eq!(start.elapsed(), Duration::from_secs(11));
    }

    #[tokio::test(flavor = "current_thread", start_paused = true)]
    async fn an_async_check_waits_for_its_gate() {
        let (probe, gate) = Probe::ready_after(Duration::ZERO).gated();
        let check = tokio::spawn(async move { probe.check_async().await });
        tokio::time::sleep(Duration::from_secs(5)).await;
        assert!(!check.is_finished());
        gate.open();
        assert!(check.await.unwrap());
    }

    #[test]
    fn a_check_that_cannot_finish_by_the_deadline_gives_up_at_it() {
        let probe = Probe::ready_after(Duration::from_secs(3600));
        let start = Instant::now();
        assert_eq!(probe.check_until(start + Duration::from_millis(5)), None);
        assert!(start.elapsed() < Duration::from_secs(3600));
    }

    #[test]
    fn a_closed_gate_holds_a_check_until_the_deadline() {
        let (probe, _gate) = Probe::ready_after(Duration::ZERO).gated();
        let deadline = Instant::now() + Duration::from_millis(5);
        assert_eq!(probe.check_until(deadline), None);
        assert!(Instant::now() >= deadline);
    }

    #[test]
    fn an_open_gate_lets_every_check_through() {
        let (probe, gate) = Probe::never_ready(Duration::ZERO).gated();
        gate.open();
        let far = Instant::now() + Duration::from_secs(3600);
        assert_eq!(probe.check_until(far), Some(false));
        assert!(!probe.check());
    }

    #[test]
    fn a_switch_turns_every_clone_to_not_ready() {
        let (probe, switch) = Probe::ready_after(Duration::ZERO).switchable();
        let clone = probe.clone();
        assert!(clone.check());
        switch.never_ready();
        assert!(!probe.check());
        assert!(!clone.check());
    }

    #[test]
    fn a_check_that_fits_the_deadline_answers() {
        let probe = Probe::ready_after(Duration::ZERO);
        let far = Instant::now() + Duration::from_secs(3600);
        assert_eq!(probe.check_until(far), Some(true));
        assert_eq!(
            Probe::never_ready(Duration::ZERO).check_until(far),
            Some(false)
        );
    }
}
