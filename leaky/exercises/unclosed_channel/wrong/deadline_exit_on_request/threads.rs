//! Wrong fix for the unclosed-channel exercise, thread flavour:
//! keep the worker's `retry` sender, and give its loop a second way out: the first
//! request served after the call's deadline ends it.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! A service that never comes up is covered: the worker's own retries keep requests
//! coming, and the first one past the deadline stops it. But once a check passes no
//! retry is queued, the caller returns, and the worker waits for a request that
//! only its own sender could send: every answered call leaves its worker for good.

use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{after, bounded, select, tick};
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
        let probe = self.probe.clone();
        // Requests to check, one a tick, and the answer, for this call.
        let (check_tx, check_rx) = bounded::<()>(1);
        let (ready_tx, ready_rx) = bounded(1);
        let retry = check_tx.clone();
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                // Serves requests until every sender is gone, or the call's time is up.
                for () in &check_rx {
                    if Instant::now() >= deadline {
                        return;
                    }
                    let ready = probe.check();
                    // Requests that came during the check are answered by it.
                    while check_rx.try_recv().is_ok() {}
                    if ready {
                        let _ = ready_tx.try_send(true);
                    } else {
                        // Not yet: check again, without waiting for a request.
                        let _ = retry.try_send(());
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        let (ticks, give_up) = (tick(self.tick), after(timeout));
        loop {
            select! {
                recv(ticks) -> _ => { let _ = check_tx.try_send(()); }
                recv(ready_rx) -> answer => {
                    // `Err` means the worker is gone without an answer.
                    return answer.map(drop).map_err(|_| TimedOut(timeout));
                }
                recv(give_up) -> _ => return Err(TimedOut(timeout)),
            }
        }
    }
}
