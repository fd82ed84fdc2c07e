//! Wrong fix for the take-first exercise, thread flavour:
//! the replicas select on a cancellation whose sender the watcher keeps; each call
//! puts in its own sender, and the old one, dropped, stops the last call's
//! replicas.
//!
//! Breaks: a call is answered ready once its own check passes.
//!
//! One call after another it works: the leftover replicas are stopped by the next
//! call at the latest. But two calls at once share the slot: the second call's
//! sender replaces the first's, the first call's replicas are cancelled while it
//! still waits, and it times out with the service up.

use std::sync::{Mutex, PoisonError};
use std::thread;
use std::time::Duration;

use crossbeam_channel::{Sender, after, bounded, select, select_biased, tick};
use workshop::{Probe, TimedOut};

use super::{REPLICAS, WORKER};

/// Waits for a service to become ready, asking every replica at once.
pub struct Watcher {
    probe: Probe,
    tick: Duration,
    // The cancellation of the latest call's replicas: replaced (so dropped, so fired)
    // when the next call starts, and dropped with the watcher.
    cancel: Mutex<Option<Sender<()>>>,
}

impl Watcher {
    /// A watcher that runs `probe` every `tick` while someone waits.
    pub fn new(probe: Probe, tick: Duration) -> Self {
        Self { probe, tick, cancel: Mutex::new(None) }
    }

    /// Waits until the first replica's probe passes, or `timeout` has gone by.
    pub fn wait_ready(&self, timeout: Duration) -> Result<(), TimedOut> {
        let (ready_tx, ready_rx) = bounded(REPLICAS);
        let (cancel, cancelled) = bounded::<()>(0);
        // Any replicas still running from before are stopped here.
        *self.cancel.lock().unwrap_or_else(PoisonError::into_inner) = Some(cancel);
        for _ in 0..REPLICAS {
            let (probe, ticks) = (self.probe.clone(), tick(self.tick));
            let (ready_tx, cancelled) = (ready_tx.clone(), cancelled.clone());
            thread::Builder::new()
                .name(WORKER.to_owned())
                .spawn(move || {
                    loop {
                        select_biased! {
                            recv(cancelled) -> _ => return,
                            recv(ticks) -> _ => {}
                        }
                        if probe.check() {
                            let _ = ready_tx.try_send(true);
                            return;
                        }
                    }
                })
                .unwrap_or_else(|e| {
                    panic!("the OS refused to start a thread: {e}")
                });
        }
        let answer = select! {
            recv(ready_rx) -> _ => Ok(()),
            recv(after(timeout)) -> _ => Err(TimedOut(timeout)),
        };
        // Our replicas are done with: stop them now rather than at the next call.
        self.cancel.lock().unwrap_or_else(PoisonError::into_inner).take();
        answer
    }
}
