//! Wrong fix for the blocked-send exercise, thread flavour:
//! a rendezvous channel per call, the worker reporting every check and stopping at
//! the first report nobody receives, and at the deadline a grace of 50 ms for a
//! check that is about to pass.
//!
//! Breaks: a call returns by its deadline.
//!
//! The worker stops once its caller has gone, as in the drop-aware fix, and an
//! answer that was nearly in is not wasted; but the caller asked to give up at its
//! deadline, not 50 ms after it: when the service is slow, every call comes back
//! late, and a caller that budgets its own time (a retry, a health check of its
//! own) misses its deadline because of this one.
//!
//! Blocked send, thread flavour: `std::thread` and crossbeam channels.
//!
//! The worker ticks with `tick`, and the caller races the worker's answer against
//! `after` in a `select!`, just as the Go code does.

use std::thread;
use std::time::Duration;

use crossbeam_channel::{after, bounded, select, tick};
use workshop::{Probe, TimedOut};

use super::WORKER;

/// How long past its deadline a call waits for a check that is under way.
const GRACE: Duration = Duration::from_millis(50);

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
        let probe = self.probe.clone();
        let ticks = tick(self.tick);
        // WRONG FIX: a channel for this call only: once the call returns, a send
        // fails at once.
        let (ready_tx, ready_rx) = bounded(0);
        // Dropping a `JoinHandle` detaches the thread; it does not stop it.
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in ticks {
                    let ready = probe.check();
                    // Every check is reported; a report nobody takes stops us.
                    if ready_tx.send(ready).is_err() || ready {
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        let give_up = after(timeout);
        loop {
            select! {
                recv(ready_rx) -> report => match report {
                    Ok(true) => return Ok(()),
                    Ok(false) => {}
                    Err(_) => return Err(TimedOut(timeout)),
                },
                recv(give_up) -> _ => break,
            }
        }
        // WRONG FIX: a check may be just about to pass: give its report a moment
        // to land, rather than throw the answer away.
        match ready_rx.recv_timeout(GRACE) {
            Ok(true) => Ok(()),
            _ => Err(TimedOut(timeout)),
        }
    }
}
