//! Wrong fix for the blocking-pool exercise, task flavour:
//! the blocking loop given a time limit of its own, 30 s, so that a job can never
//! hold a pool thread for ever.
//!
//! Breaks: nothing a call starts outlives it.
//!
//! The loop has an end now, and the pool gets its thread back; but the end is the
//! job's own, not its call's: a call that gives up after 10 ms leaves its job
//! checking the service for half a minute more, holding a pool thread all along,
//! and calls in a row stack them up.
//!
//! Blocking pool, task flavour: tokio's `spawn_blocking` under a `timeout`.
//!
//! The blocking loop ticks with crossbeam's `tick`, and the caller races the job
//! against tokio's `timeout`.

use std::time::{Duration, Instant};

use crossbeam_channel::tick;
use tokio::time::timeout;
use workshop::{Probe, TimedOut};

/// How long a job checks before it gives up: longer than any caller waits.
const JOB_GIVES_UP: Duration = Duration::from_secs(30);

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
        // WRONG FIX: the job's own time limit.
        let gives_up = Instant::now() + JOB_GIVES_UP;
        // The check blocks its thread: it runs on tokio's blocking pool.
        let job = tokio::task::spawn_blocking(move || {
            for now in ticks {
                if now >= gives_up {
                    return false;
                }
                if probe.check() {
                    return true;
                }
            }
            false
        });
        match timeout(timeout_after, job).await {
            Ok(Ok(true)) => Ok(()),
            _ => Err(TimedOut(timeout_after)),
        }
    }
}
