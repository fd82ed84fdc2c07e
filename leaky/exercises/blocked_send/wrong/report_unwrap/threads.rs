//! Wrong fix for the blocked-send exercise, thread flavour:
//! a rendezvous channel per call, with the worker reporting every check and
//! unwrapping the send, since a send "cannot fail while the caller is there".
//!
//! Breaks: nothing a call starts outlives it.
//!
//! The worker does stop once the caller has gone, as the drop-aware fix does; but
//! it stops by panicking, at the first report after every timeout: a panic in a
//! thread the call started, and a backtrace on stderr in real code.

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
        let probe = self.probe.clone();
        let ticks = tick(self.tick);
        // Our own channel: gone when this call returns.
        let (ready_tx, ready_rx) = bounded(0);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in ticks {
                    let ready = probe.check();
                    // Report every check; the caller reads them all.
                    ready_tx.send(ready).unwrap();
                    if ready {
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
                recv(give_up) -> _ => return Err(TimedOut(timeout)),
            }
        }
    }
}
