//! Blocked send, thread flavour: `std::thread` and a crossbeam rendezvous channel.
//!
//! `crossbeam_channel::bounded(0)` is Rust's twin of Go's unbuffered channel: a
//! send waits until a receiver takes the value, hand to hand. The worker ticks with
//! `tick`, the caller races the answer against `after` in a `select!`, just as the
//! Go code does.

use std::thread;
use std::time::Duration;

use crossbeam_channel::{Receiver, Sender, after, bounded, select, tick};
use workshop::{Probe, TimedOut};

use super::WORKER;

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // LEAK: the channel belongs to the watcher, not to one call, so its receiving
    // end outlives every call that gives up. A worker blocked on it is never told
    // to stop.
    ready_tx: Sender<bool>,
    ready_rx: Receiver<bool>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        let (ready_tx, ready_rx) = bounded(0);
        Self {
            probe,
            tick,
            ready_tx,
            ready_rx,
        }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let probe = self.probe.clone();
        let ticks = tick(self.tick);
        let ready_tx = self.ready_tx.clone();
        // Dropping a `JoinHandle` detaches the thread; it does not stop it. Nothing
        // here keeps the handle, so nothing can ever wait for this thread or stop
        // it.
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in ticks {
                    if probe.check() {
                        // LEAK: a rendezvous send waits for a receiver. After a
                        // timeout nobody receives, but the receiver is alive (the
                        // watcher owns it), so this waits forever. The result is
                        // ignored, too: even a disconnected channel would go
                        // unnoticed here.
                        let _ = ready_tx.send(true);
                        return;
                    }
                }
            })
            .expect("the OS refused to start a thread");
        select! {
            recv(self.ready_rx) -> _ => Ok(()),
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }
}
