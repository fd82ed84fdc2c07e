//! Wrong fix for the endless-ticker exercise, thread flavour:
//! the worker reports every check, and its send is unwrapped: once the caller has
//! gone, the send fails, and that ends the loop.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! The loop does end once nobody listens, as in the fix that stops at a closed
//! channel; but it ends by panicking, at the first report after every timeout: a
//! panic in a thread the call started, a backtrace on stderr in real code, and a
//! crash for a program built with `panic = "abort"`.
//!
//! Endless ticker, thread flavour: `std::thread` and crossbeam channels.
//!
//! The worker ticks with `tick`, and the caller races the worker's answer against
//! `after` in a `select!`, just as the Go code does.

use std::thread;
use std::time::Duration;

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
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        // A channel for this call, with room for one report.
        let (ready_tx, ready_rx) = bounded(1);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in ticks {
                    let ready = probe.check();
                    // WRONG FIX: every check is reported; once the caller is gone
                    // the send fails, and the worker with it.
                    ready_tx.send(ready).unwrap();
                    if ready {
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        // WRONG FIX: reports are read until one says ready.
        let give_up = after(timeout);
        loop {
            select! {
                recv(ready_rx) -> report => match report {
                    Ok(true) => return Ok(()),
                    Ok(false) => {}
                    Err(_) => return Err(TimedOut(timeout)),
                },
                recv(give_up) -> _ => return Err(TimedOut(timeout)),
            }
        }
    }
}
