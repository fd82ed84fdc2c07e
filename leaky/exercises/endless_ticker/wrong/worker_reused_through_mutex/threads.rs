//! Wrong fix for the endless-ticker exercise, thread flavour:
//! a timed-out worker is handed to the next call via a `Mutex<Option<_>>`.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! In full: a worker that a call stops by dropping its cancel sender, and a call
//! that times out hands its still-ticking worker to the next call, through a
//! `Mutex<Option<_>>` on the watcher, instead of starting a thread per call.
//!
//! Fewer threads, and the watcher's drop still stops the last one. But the reused
//! worker comes with whatever it was doing: a check it started for the previous
//! call passes while the next call waits, and the next call takes that answer,
//! though the check began before it asked. (Between the two calls, the worker ticks
//! and checks for nobody.)

use std::sync::{Mutex, PoisonError};
use std::thread;
use std::time::Duration;

use crossbeam_channel::{
    Receiver, Sender, after, bounded, select, select_biased, tick,
};
use workshop::{Probe, TimedOut};

use super::WORKER;

/// Waits for a service to become ready. Built once, asked many times.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    /// A worker a call gave up on, still ticking, for the next call to take over.
    idle: Mutex<Option<Worker>>,
}

/// A worker thread: its answers, and the sender whose drop stops it.
struct Worker {
    answers: Receiver<bool>,
    _cancel: Sender<()>,
}

impl Worker {
    fn start(probe: Probe, every: Duration) -> Self {
        let (ready_tx, answers) = bounded(1);
        let (cancel, cancelled) = bounded::<()>(0);
        let ticks = tick(every);
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                loop {
                    select_biased! {
                        recv(cancelled) -> _ => return,
                        recv(ticks) -> _ => {}
                    }
                    if probe.check() {
                        let _ = ready_tx.send(true);
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        Self { answers, _cancel: cancel }
    }
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, idle: Mutex::new(None) }
    }

    /// Waits until the probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        // Take over a worker a previous call left ticking, rather than start
        // another.
        let taken = self.idle.lock().unwrap_or_else(PoisonError::into_inner).take();
        let worker =
            taken.unwrap_or_else(|| Worker::start(self.probe.clone(), self.tick));
        select! {
            recv(worker.answers) -> _ => Ok(()),
            recv(after(timeout)) -> _ => {
                // Still ticking: keep it for the next call.
                let mut idle =
                    self.idle.lock().unwrap_or_else(PoisonError::into_inner);
                *idle = Some(worker);
                Err(TimedOut(timeout))
            }
        }
    }
}
