//! Right fix for the blocking-pool exercise, task flavour, written
//! differently from `fixed/`: no blocking pool: the blocking loop runs on a plain
//! thread of its own, and answers through a tokio `oneshot` whose sender it also
//! asks, every tick, whether the call is still there (`is_closed`).
//!
//! Right: the receiver belongs to the call and is dropped on every way out
//! (answered, timed out, or the future dropped); the thread sees it at its next
//! tick and ends, so it outlives the call by the check in flight and one tick at
//! most, and there is no pool to keep an idle thread afterwards.

use std::thread;
use std::time::Duration;

use crossbeam_channel::tick;
use tokio::sync::oneshot;
use tokio::time::timeout;
use workshop::{Probe, TimedOut};

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
    pub async fn wait_ready(
        &self,
        timeout_after: Duration,
    ) -> Result<(), TimedOut> {
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        let (reply, answer) = oneshot::channel();
        // The check blocks its thread: it gets a thread of its own, which ends with
        // its loop.
        thread::Builder::new()
            .name("ready-blocking".to_owned())
            .spawn(move || {
                for _ in ticks {
                    // The call has returned: nobody to answer.
                    if reply.is_closed() {
                        return;
                    }
                    if probe.check() {
                        let _ = reply.send(());
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        match timeout(timeout_after, answer).await {
            Ok(Ok(())) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
