//! What the process holds over a run: live threads and tasks sampled over time, for a
//! plot, and resident memory, read from the operating system.

use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use checker::ThreadSnapshot;
use tokio::runtime::Handle;

/// How often a sampler looks. Reading `/proc/self/task` takes microseconds, even with
/// thousands of threads listed, so this costs the run nothing it would notice.
const EVERY: Duration = Duration::from_millis(5);

/// One look: when, how many threads, how many tasks (if a runtime is watched).
#[derive(Debug, Clone, Copy)]
pub(super) struct Sample {
    pub(super) at: Duration,
    pub(super) threads: usize,
    pub(super) tasks: Option<usize>,
}

/// A moment worth marking on a plot.
#[derive(Debug, Clone, Copy)]
pub(super) struct Mark {
    pub(super) at: Duration,
    pub(super) what: &'static str,
}

/// A thread that samples until stopped. Start it before the run's thread snapshot: it is
/// a thread too, and must count as one that was there before.
pub(super) struct Sampler {
    stop: Sender<Option<Handle>>,
    /// A word from the sampler each time it has taken the first sample after being
    /// started or told to watch a runtime: the run waits for it, so that the plot's first
    /// counts are the ones from before the calls, not after the first of them.
    taken: mpsc::Receiver<()>,
    thread: JoinHandle<Vec<Sample>>,
    started: Instant,
}

impl Sampler {
    pub(super) fn start() -> Self {
        let (stop, orders) = mpsc::channel::<Option<Handle>>();
        let (tell, taken) = mpsc::channel();
        let started = Instant::now();
        let thread = thread::Builder::new()
            .name("demo-sampler".to_owned())
            .spawn(move || {
                let mut samples = Vec::new();
                let mut runtime: Option<Handle> = None;
                let mut just_told = true;
                loop {
                    samples.push(Sample {
                        at: started.elapsed(),
                        threads: ThreadSnapshot::take().len(),
                        tasks: runtime.as_ref().map(|h| h.metrics().num_alive_tasks()),
                    });
                    if std::mem::take(&mut just_told) {
                        let _ = tell.send(());
                    }
                    match orders.recv_timeout(EVERY) {
                        // A runtime to watch from now on.
                        Ok(Some(handle)) => {
                            runtime = Some(handle);
                            just_told = true;
                        }
                        Ok(None) | Err(RecvTimeoutError::Disconnected) => return samples,
                        Err(RecvTimeoutError::Timeout) => {}
                    }
                }
            })
            .expect("a thread for the sampler");
        let _ = taken.recv();
        Self {
            stop,
            taken,
            thread,
            started,
        }
    }

    /// Counts the tasks of `handle` from now on, starting with a count taken before this
    /// returns.
    pub(super) fn watch(&self, handle: Handle) {
        if self.stop.send(Some(handle)).is_ok() {
            let _ = self.taken.recv();
        }
    }

    /// A mark at this moment.
    pub(super) fn mark(&self, what: &'static str) -> Mark {
        Mark {
            at: self.started.elapsed(),
            what,
        }
    }

    pub(super) fn finish(self) -> Vec<Sample> {
        let _ = self.stop.send(None);
        self.thread.join().unwrap_or_default()
    }
}

/// The resident memory of this process, in bytes, as the kernel counts it (`VmRSS`);
/// `None` where it cannot be read (off Linux).
pub fn resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmRSS:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}
