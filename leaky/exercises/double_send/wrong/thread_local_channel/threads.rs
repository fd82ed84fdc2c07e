//! Wrong fix for the double-send exercise, thread flavour:
//! no channel on the watcher; one channel per calling thread instead, in a
//! `thread_local!`, with room for both reports, read until one says ready, and a
//! worker that stops at the deadline.
//!
//! Breaks: a call never takes an answer meant for another call.
//!
//! No send waits, the reports are read until the answer, and two threads never
//! share a channel; but a thread's calls follow one another on the same channel:
//! an answer that lands after its call gave up waits there, and the thread's next
//! call, reading until it finds a "ready", takes it as its own.
//!
//! Double send, thread flavour: `std::thread` and crossbeam channels.
//!
//! The worker ticks with `tick`, and the caller races a report against `after` in a
//! `select!`, just as the Go code does.

use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender, after, bounded, select, tick};
use workshop::{Probe, TimedOut};

use super::WORKER;

thread_local! {
    // WRONG FIX: one channel per calling thread, made once, with room for both
    // reports: a thread makes one call at a time, so its calls never share it at
    // once.
    static REPORTS: (Sender<bool>, Receiver<bool>) = bounded(2);
}

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
        let (probe, ticks) = (self.probe.clone(), tick(self.tick));
        let (report_tx, report_rx) = REPORTS.with(|reports| reports.clone());
        thread::Builder::new()
            .name(WORKER.to_owned())
            .spawn(move || {
                // The first report: started, not ready yet.
                let _ = report_tx.try_send(false);
                // Nobody waits past the deadline: stop there.
                for _ in ticks.into_iter().take_while(|&now| now < deadline) {
                    if probe.check() {
                        let _ = report_tx.try_send(true);
                        return;
                    }
                }
            })
            .unwrap_or_else(|e| panic!("the OS refused to start a thread: {e}"));
        // WRONG FIX: reports are read until one says ready.
        let give_up = after(timeout);
        loop {
            select! {
                recv(report_rx) -> report => match report {
                    Ok(true) => return Ok(()),
                    Ok(false) => {}
                    Err(_) => return Err(TimedOut(timeout)),
                },
                recv(give_up) -> _ => return Err(TimedOut(timeout)),
            }
        }
    }
}
