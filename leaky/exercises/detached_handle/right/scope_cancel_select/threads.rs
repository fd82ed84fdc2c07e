//! Right fix for the detached-handle exercise, thread flavour, written
//! differently from `fixed/`: the monitor in a `std::thread::scope`, waiting on its
//! ticks and on a per-call cancellation in a `select_biased!`; the caller waits on
//! its ticks and its deadline.
//!
//! Right: the scope joins the monitor before the call returns, so nothing can be
//! detached; the monitor hears the cancellation at once while it waits, and a check
//! in flight gives up at the deadline (`check_until`), so the join never holds the
//! caller past it; flag and cancellation are the call's own.

use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{at, bounded, select, select_biased, tick};
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
        let ready = AtomicBool::new(false);
        // Never sent on: dropped, it wakes the monitor, which then ends.
        let (cancel, cancelled) = bounded::<()>(0);
        thread::scope(|scope| {
            thread::Builder::new()
                .name(WORKER.to_owned())
                .spawn_scoped(scope, || {
                    let ticks = tick(self.tick);
                    loop {
                        select_biased! {
                            recv(cancelled) -> _ => return,
                            recv(ticks) -> _ => {}
                        }
                        let answer = self.probe.check_until(deadline) == Some(true);
                        ready.fetch_or(answer, Ordering::Release);
                    }
                })
                .unwrap_or_else(|e| {
                    panic!("the OS refused to start a thread: {e}")
                });
            let (ticks, give_up) = (tick(self.tick), at(deadline));
            let answer = loop {
                select! {
                    recv(ticks) -> _ => {
                        if ready.load(Ordering::Acquire) {
                            break Ok(());
                        }
                    }
                    recv(give_up) -> _ => break Err(TimedOut(timeout)),
                }
            };
            // Wake the monitor; the scope joins it.
            drop(cancel);
            answer
        })
    }
}
