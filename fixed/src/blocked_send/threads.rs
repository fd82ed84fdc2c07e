//! Blocked send, thread flavour: `std::thread` and crossbeam channels.
//!
//! `crossbeam_channel::bounded(0)` is Rust's twin of Go's unbuffered channel: a
//! send waits until a receiver takes the value, hand to hand. The worker ticks with
//! `tick`, the caller races the answer against `after` in a `select!`, just as the
//! Go code does.

use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{after, at, bounded, select, tick};
use workshop::{Probe, TimedOut};

use super::WORKER;

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // FIX: no channel here. A channel that outlives the call outlives the caller's
    // interest in it; each call makes its own, or needs none.
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let deadline = Instant::now() + timeout;
        let ticks = tick(self.tick);
        let give_up = at(deadline);
        // FIX: no thread. The caller runs the check itself, so when it returns
        // there is nothing left behind to wait, send or loop.
        loop {
            select! {
                recv(ticks) -> _ => {}
                recv(give_up) -> _ => return Err(TimedOut(timeout)),
            }
            // FIX: the check gets the caller's deadline, so a slow check cannot
            // keep the caller past it.
            match self.probe.check_until(deadline) {
                Some(true) => return Ok(()),
                Some(false) => continue,
                None => return Err(TimedOut(timeout)),
            }
        }
    }

    /// Waits like [`wait_ready`](Self::wait_ready), with a worker thread and a
    /// buffered channel: the worker ends after its check passes, whether or not
    /// anyone listens.
    pub fn wait_ready_buffered(&self, timeout: Duration) -> Result<(), TimedOut> {
        let probe = self.probe.clone();
        let ticks = tick(self.tick);
        // FIX: one slot, for this call only: the worker's one send always finds
        // room.
        let (ready_tx, ready_rx) = bounded(1);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in ticks {
                    if probe.check() {
                        // FIX: with room in the buffer this returns at once,
                        // listened to or not, and the thread ends.
                        let _ = ready_tx.send(true);
                        return;
                    }
                }
            })
            .expect("the OS refused to start a thread");
        select! {
            recv(ready_rx) -> _ => Ok(()),
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }

    /// Waits like [`wait_ready`](Self::wait_ready), with a worker thread that stops
    /// when the caller gives up.
    pub fn wait_ready_or_cancel(&self, timeout: Duration) -> Result<(), TimedOut> {
        let probe = self.probe.clone();
        let ticks = tick(self.tick);
        let (ready_tx, ready_rx) = bounded(0);
        // FIX: nothing is ever sent on `cancel`. When this function returns,
        // `_cancel` is dropped, the channel disconnects, and a receive on a
        // disconnected channel is ready at once: every `select!` in the worker sees
        // that the caller is gone.
        let (_cancel, cancelled) = bounded::<()>(0);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                loop {
                    select! {
                        recv(ticks) -> _ => {}
                        recv(cancelled) -> _ => return,
                    }
                    if probe.check() {
                        // FIX: wait for a receiver or for the cancellation,
                        // whichever comes first.
                        select! {
                            send(ready_tx, true) -> _ => {}
                            recv(cancelled) -> _ => {}
                        }
                        return;
                    }
                }
            })
            .expect("the OS refused to start a thread");
        select! {
            recv(ready_rx) -> _ => Ok(()),
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        }
    }

    /// Waits like [`wait_ready`](Self::wait_ready), with a worker thread that stops
    /// when its reports find no receiver.
    pub fn wait_ready_drop_aware(&self, timeout: Duration) -> Result<(), TimedOut> {
        let probe = self.probe.clone();
        let ticks = tick(self.tick);
        // FIX: a channel for this call only: when the call returns, its receiver is
        // dropped, and every send after that fails at once.
        let (ready_tx, ready_rx) = bounded(0);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                for _ in ticks {
                    let ready = probe.check();
                    // FIX: report every check, ready or not, and look at the
                    // result. A failed send means nobody listens: end the loop,
                    // even if the check never passes.
                    if ready_tx.send(ready).is_err() || ready {
                        return;
                    }
                }
            })
            .expect("the OS refused to start a thread");
        let give_up = after(timeout);
        loop {
            select! {
                recv(ready_rx) -> report => match report {
                    Ok(true) => return Ok(()),
                    Ok(false) => continue,
                    // The worker is gone without a "ready": nothing more will come.
                    Err(_) => return Err(TimedOut(timeout)),
                },
                recv(give_up) -> _ => return Err(TimedOut(timeout)),
            }
        }
    }
}
