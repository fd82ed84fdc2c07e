//! Right fix for the unclosed-channel exercise, thread flavour, written
//! differently from `fixed/`: retries on the worker's own timer.
//!
//! Right: only the call sends requests, and a closed queue wins over a due retry.
//!
//! In full: the worker keeps no sender; it retries on a timer of its own
//! (crossbeam's `after`), and its `select_biased!` looks at the request queue
//! first, so a closed queue wins over a due retry.
//!
//! Why: only the call sends requests, so the queue closes when the call returns;
//! the worker drains the requests that came during a check, then finds the queue
//! closed before it could retry, and its checks give up at the call's deadline: it
//! ends right after the check in flight; the answer channel is this call's alone.

use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{after, bounded, never, select, select_biased, tick};
use workshop::{Probe, TimedOut};

use super::WORKER;

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let deadline = Instant::now() + timeout;
        let (probe, every) = (self.probe.clone(), self.tick);
        // Requests to check, one a tick, and the answer, for this call.
        let (check_tx, check_rx) = bounded::<()>(1);
        let (ready_tx, ready_rx) = bounded(1);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                // No retry is due until a check fails.
                let mut retry = never();
                loop {
                    select_biased! {
                        recv(check_rx) -> request => if request.is_err() { return },
                        recv(retry) -> _ => {}
                    }
                    // Past the deadline no check can answer in time: the caller,
                    // about to return, reads the closed channel as its timeout.
                    if Instant::now() >= deadline {
                        return;
                    }
                    let ready = probe.check_until(deadline) == Some(true);
                    // Requests that came during the check are answered by it.
                    while check_rx.try_recv().is_ok() {}
                    if ready {
                        let _ = ready_tx.try_send(true);
                        return;
                    }
                    // Not yet: check again in a tick, request or not.
                    retry = after(every);
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        let (ticks, give_up) = (tick(self.tick), after(timeout));
        loop {
            select! {
                recv(ticks) -> _ => { let _ = check_tx.try_send(()); }
                recv(ready_rx) -> answer => {
                    return answer.map(drop).map_err(|_| TimedOut(timeout));
                }
                recv(give_up) -> _ => return Err(TimedOut(timeout)),
            }
        }
    }
}
