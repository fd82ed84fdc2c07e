//! How fast a verdict is, beside the floor the kernel sets and beside goleak.
//!
//! `cargo bench -p checker` prints divan's table, then one summary line per figure with the
//! floor beside it. The floor is one bare listing of `/proc/self/task` through a directory
//! kept open and rewound, the least a listing costs. goleak's figures are the ones its Go
//! peer measured on the reference machine, unless `GOLEAK_CLEAN_US`, `GOLEAK_CLEAN_1000_US`
//! and `GOLEAK_LEAK_MS` give this machine's (`versus-goleak.sh` measures both in one run).
//!
//! Memory is counted by the allocator below, which passes every call on to the system's
//! and keeps the sum of the bytes live: what a report holds is the difference it makes.

// The counting allocator implements `GlobalAlloc`, an unsafe trait; each block says why it
// holds.
#![allow(unsafe_code)]

/// The system's allocator, counting the bytes live.
struct Counting;

static LIVE: std::sync::atomic::AtomicIsize = std::sync::atomic::AtomicIsize::new(0);

#[global_allocator]
static COUNTING: Counting = Counting;

/// The bytes allocated and not yet given back, by the whole process.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn live_bytes() -> isize {
    LIVE.load(std::sync::atomic::Ordering::SeqCst)
}

fn count(bytes: usize, sign: isize) {
    let bytes = isize::try_from(bytes).unwrap_or(isize::MAX);
    LIVE.fetch_add(sign * bytes, std::sync::atomic::Ordering::SeqCst);
}

// SAFETY: every call goes to `System` with the arguments it came with, and its result is
// returned as it is; the counter is an atomic, touched only after a call succeeded.
unsafe impl std::alloc::GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        // SAFETY: the caller upholds `alloc`'s contract, which is `System`'s.
        let ptr = unsafe { std::alloc::System.alloc(layout) };
        if !ptr.is_null() {
            count(layout.size(), 1);
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let ptr = unsafe { std::alloc::System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            count(layout.size(), 1);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        // SAFETY: `ptr` was allocated by `System` (every allocation here is), with `layout`.
        unsafe { std::alloc::System.dealloc(ptr, layout) };
        count(layout.size(), -1);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as for `dealloc`, and the caller upholds `realloc`'s contract.
        let new = unsafe { std::alloc::System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            count(layout.size(), -1);
            count(new_size, 1);
        }
        new
    }
}

#[cfg(not(target_os = "linux"))]
fn main() {
    println!(
        "checker: these figures are measured against Linux's /proc floor; run them on Linux \
         (or in the dev container)"
    );
}

#[cfg(target_os = "linux")]
fn main() {
    linux::main();
}

#[cfg(target_os = "linux")]
mod linux {
    use std::hint::black_box;
    use std::mem::MaybeUninit;
    use std::os::fd::OwnedFd;
    use std::sync::{Arc, Mutex, mpsc};
    use std::thread;
    use std::time::{Duration, Instant};

    use checker::{Options, TaskSnapshot, ThreadSnapshot, ThreadState};
    use rustix::fs::{CWD, Mode, OFlags, RawDir, SeekFrom, openat, seek};

    const SAMPLES: usize = 201;

    pub(crate) fn main() {
        divan::main();
        summary();
    }

    /// Threads parked before the snapshot, released and joined on drop.
    struct Parked {
        release: Option<mpsc::Sender<()>>,
        threads: Vec<thread::JoinHandle<()>>,
    }

    fn park(count: usize) -> Parked {
        let (release, wait) = mpsc::channel::<()>();
        let wait = Arc::new(Mutex::new(wait));
        let threads = (0..count)
            .map(|_| {
                let wait = Arc::clone(&wait);
                thread::Builder::new()
                    .stack_size(64 * 1024)
                    .spawn(move || {
                        let _ = wait.lock().map(|w| w.recv());
                    })
                    .expect("spawn a parked thread")
            })
            .collect();
        Parked {
            release: Some(release),
            threads,
        }
    }

    impl Drop for Parked {
        fn drop(&mut self) {
            drop(self.release.take());
            for handle in self.threads.drain(..) {
                let _ = handle.join();
            }
        }
    }

    /// The floor: one bare listing of `/proc/self/task` through a kept-open directory.
    struct Floor {
        fd: OwnedFd,
        buf: Vec<MaybeUninit<u8>>,
    }

    impl Floor {
        fn new() -> Self {
            let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
            Self {
                fd: openat(CWD, "/proc/self/task", flags, Mode::empty()).unwrap(),
                buf: vec![MaybeUninit::uninit(); 32 * 1024],
            }
        }

        fn list(&mut self) -> usize {
            seek(&self.fd, SeekFrom::Start(0)).unwrap();
            let mut entries = RawDir::new(&self.fd, &mut self.buf);
            let mut count = 0;
            while let Some(entry) = entries.next() {
                black_box(entry.unwrap());
                count += 1;
            }
            count
        }
    }

    #[divan::bench(args = [0, 1000])]
    fn floor_bare_listing(bencher: divan::Bencher<'_, '_>, baseline: usize) {
        let _parked = park(baseline);
        let mut floor = Floor::new();
        bencher.bench_local(|| floor.list());
    }

    #[divan::bench(args = [0, 1000])]
    fn std_read_dir_listing(bencher: divan::Bencher<'_, '_>, baseline: usize) {
        let _parked = park(baseline);
        bencher.bench(|| std::fs::read_dir("/proc/self/task").unwrap().count());
    }

    #[divan::bench(args = [0, 1000])]
    fn clean_thread_verdict(bencher: divan::Bencher<'_, '_>, baseline: usize) {
        let _parked = park(baseline);
        let before = ThreadSnapshot::take();
        let options = Options::default();
        bencher.bench(|| before.verify(black_box(&options)).unwrap());
    }

    #[divan::bench(args = [0, 1000])]
    fn snapshot(bencher: divan::Bencher<'_, '_>, baseline: usize) {
        let _parked = park(baseline);
        bencher.bench(ThreadSnapshot::take);
    }

    #[divan::bench]
    fn clean_task_verdict(bencher: divan::Bencher<'_, '_>) {
        let runtime = paused_runtime();
        let options = Options::default();
        runtime.block_on(async {
            let before = TaskSnapshot::take(&tokio::runtime::Handle::current());
            bencher.bench_local(|| run_ready(before.verify(black_box(&options))).unwrap());
        });
    }

    fn paused_runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .start_paused(true)
            .build()
            .unwrap()
    }

    /// Polls a future that never waits (a clean task verdict returns at its first look) to
    /// completion, inside the runtime's context but without a second `block_on`.
    fn run_ready<F: std::future::Future>(f: F) -> F::Output {
        let mut f = std::pin::pin!(f);
        let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
        loop {
            if let std::task::Poll::Ready(out) = f.as_mut().poll(&mut cx) {
                return out;
            }
        }
    }

    fn median_of(run: impl FnMut()) -> Duration {
        median_of_n(SAMPLES, run)
    }

    /// The median of a few runs, for figures of milliseconds.
    fn median_of_few(run: impl FnMut()) -> Duration {
        median_of_n(21, run)
    }

    fn median_of_n(count: usize, mut run: impl FnMut()) -> Duration {
        let mut samples: Vec<_> = (0..count)
            .map(|_| {
                let started = Instant::now();
                run();
                started.elapsed()
            })
            .collect();
        samples.sort_unstable();
        samples[count / 2]
    }

    fn us(d: Duration) -> f64 {
        d.as_secs_f64() * 1e6
    }

    /// goleak's figure: this machine's when the environment gives it, else the reference one.
    fn goleak(var: &str, reference: f64) -> (f64, &'static str) {
        match std::env::var(var).ok().and_then(|v| v.parse().ok()) {
            Some(measured) => (measured, "measured in this run"),
            None => (reference, "reference machine"),
        }
    }

    /// What the stacks cost a report: reading each leaked thread's stack, grouping the
    /// same ones, naming their frames, and the text. The first report of a process also
    /// reads the unwind tables and loads the binary's debug info; the later ones are the
    /// median of a few. And what a report holds: the bytes live while it is alive, before
    /// and after its text is read (naming its stacks), against the same moment without it.
    fn stacks_in_reports() {
        let at_once = Options::default().deadline(Duration::ZERO);
        let mut cold = None;
        let mut kept_for_good = None;
        for leaked in [1, 10, 100, 1000] {
            let before = ThreadSnapshot::take();
            let parked = park(leaked);
            // Once every leaked thread is asleep, each has a stack to read. The very first
            // report is the process's first, which loads the debug info.
            loop {
                let live_before = super::live_bytes();
                let started = Instant::now();
                let report = before.verify(&at_once).unwrap_err();
                let verdict_kept = super::live_bytes() - live_before;
                black_box(report.to_string());
                cold.get_or_insert(started.elapsed());
                let asleep = report
                    .threads()
                    .iter()
                    .all(|t| t.state() == ThreadState::Sleeping);
                drop(black_box(report));
                // The first report's own bytes are taken off below, once a report of one
                // thread is measured warm.
                kept_for_good.get_or_insert((verdict_kept, super::live_bytes() - live_before));
                if asleep {
                    break;
                }
                thread::yield_now();
            }
            let mut text_len = 0;
            let warm = median_of_few(|| {
                let report = before.verify(&at_once).unwrap_err();
                text_len = black_box(report.to_string()).len();
                assert_eq!(report.threads().len(), leaked);
                assert!(report.threads().iter().all(|t| t.stack().is_some()));
            });
            let (held, held_read) = report_memory(&before, &at_once);
            if leaked == 1
                && let Some((tables, _)) = kept_for_good.as_mut()
            {
                *tables -= held;
            }
            drop(parked);
            println!(
                "checker report_with_stacks_{leaked}_leaked_ms={:.2} (a verdict at once and \
                 its text, {text_len} bytes)",
                warm.as_secs_f64() * 1e3,
            );
            println!(
                "checker report_memory_{leaked}_leaked_bytes={held} ({} a thread) while it is \
                 alive, {held_read} once its text is read (floor: 0, no report)",
                held / leaked as isize,
            );
        }
        println!(
            "checker first_report_in_process_ms={:.1} (one leaked thread; it reads the \
             unwind tables and loads the debug info, once per process)",
            cold.unwrap_or_default().as_secs_f64() * 1e3,
        );
        let (tables, all) = kept_for_good.unwrap_or_default();
        println!(
            "checker kept_after_first_verdict_kib={:.0} (the unwind tables a process keeps \
             from its first failed verdict on) kept_after_first_text_kib={:.0} (and the \
             debug info `backtrace` loads and keeps, once a report's text is read)",
            tables as f64 / 1024.0,
            all as f64 / 1024.0,
        );
    }

    /// How long one poll of `verify_async` holds its caller's thread, with a busy leaked
    /// thread (running, so its stack is looked at again and again before the report says
    /// it could not be read): the longest of all its polls, against the floor.
    fn async_verdict_polls() {
        struct Unpark(thread::Thread);
        impl std::task::Wake for Unpark {
            fn wake(self: Arc<Self>) {
                self.0.unpark();
            }
        }
        let before = ThreadSnapshot::take();
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let spinning = Arc::clone(&stop);
        let busy = thread::spawn(move || {
            while !spinning.load(std::sync::atomic::Ordering::Relaxed) {
                std::hint::spin_loop();
            }
        });
        let mut bare = Floor::new();
        let floor = median_of(|| {
            black_box(bare.list());
        });
        let options = Options::default().deadline(Duration::from_millis(200));
        let mut verdict = std::pin::pin!(before.verify_async(&options));
        let waker = std::task::Waker::from(Arc::new(Unpark(thread::current())));
        let mut cx = std::task::Context::from_waker(&waker);
        let (mut polls, mut longest) = (0, Duration::ZERO);
        let began = Instant::now();
        let report = loop {
            let started = Instant::now();
            let poll = verdict.as_mut().poll(&mut cx);
            longest = longest.max(started.elapsed());
            polls += 1;
            match poll {
                std::task::Poll::Ready(report) => break report.unwrap_err(),
                std::task::Poll::Pending => thread::park(),
            }
        };
        let took = began.elapsed();
        assert_eq!(report.threads().len(), 1, "{report}");
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        busy.join().unwrap();
        println!(
            "checker verify_async_longest_poll_us={:.0} floor_bare_listing_us={:.2} ({polls} \
             polls of a 200 ms verdict on a busy leaked thread, {:.0} ms in all; the promise: \
             a few ms at most)",
            us(longest),
            us(floor),
            took.as_secs_f64() * 1e3,
        );
    }

    /// The bytes a report of `before`'s leaked threads holds while it is alive, before its
    /// text is read and after: the median of a few, each against the moment before it.
    fn report_memory(before: &ThreadSnapshot, options: &Options) -> (isize, isize) {
        let mut held = Vec::new();
        let mut held_read = Vec::new();
        for _ in 0..5 {
            let live_before = super::live_bytes();
            let report = before.verify(options).unwrap_err();
            held.push(super::live_bytes() - live_before);
            black_box(report.to_string());
            held_read.push(super::live_bytes() - live_before);
            drop(report);
        }
        held.sort_unstable();
        held_read.sort_unstable();
        (held[2], held_read[2])
    }

    /// The figures, each with the floor beside it and goleak's figure after.
    fn summary() {
        println!();
        let clean = [
            (0, goleak("GOLEAK_CLEAN_US", 60.0)),
            (1000, goleak("GOLEAK_CLEAN_1000_US", 19_490.0)),
        ];
        for (baseline, (goleak_us, source)) in clean {
            let _parked = park(baseline);
            let mut bare = Floor::new();
            let floor = median_of(|| {
                black_box(bare.list());
            });
            let before = ThreadSnapshot::take();
            let verdict = median_of(|| before.verify(&Options::default()).unwrap());
            println!(
                "checker clean_verdict_{baseline}_baseline_us={:.2} floor_bare_listing_us={:.2} \
             ({:.2}x the floor) goleak_us={goleak_us:.0} ({source}): {:.0}x faster",
                us(verdict),
                us(floor),
                us(verdict) / us(floor),
                goleak_us / us(verdict),
            );
            // A snapshot lists the threads and reads the start times of the newest (those
            // born in its clock tick), so that a thread born later on one of their TIDs is
            // told apart.
            let snapshot = median_of(|| {
                black_box(ThreadSnapshot::take());
            });
            println!(
                "checker snapshot_{baseline}_baseline_us={:.2} floor_bare_listing_us={:.2} \
             ({:.2}x the floor)",
                us(snapshot),
                us(floor),
                us(snapshot) / us(floor),
            );
        }

        stacks_in_reports();
        async_verdict_polls();

        // A leaking verdict waits for its deadline, which is the caller's to choose.
        let (goleak_ms, source) = goleak("GOLEAK_LEAK_MS", 445.0);
        for deadline_ms in [500, 50] {
            let before = ThreadSnapshot::take();
            let parked = park(1);
            let mut bare = Floor::new();
            let floor = median_of(|| {
                black_box(bare.list());
            });
            let started = Instant::now();
            let report = before
                .verify(&Options::default().deadline(Duration::from_millis(deadline_ms)))
                .unwrap_err();
            let took = started.elapsed();
            assert_eq!(report.threads().len(), 1);
            drop(parked);
            println!(
                "checker leak_verdict_deadline_{deadline_ms}ms_ms={:.1} floor_bare_listing_us={:.2} \
             goleak_ms={goleak_ms:.0} ({source}; fixed in goleak, the deadline here)",
                took.as_secs_f64() * 1e3,
                us(floor),
            );
        }

        // What a leaking verdict costs beyond its deadline, by how much leaked: it reads
        // each leaked thread's name, state and wait, and the names it may have inherited.
        for leaked in [10, 100, 1000] {
            let before = ThreadSnapshot::take();
            let parked = park(leaked);
            let mut bare = Floor::new();
            let floor = median_of(|| {
                black_box(bare.list());
            });
            let at_once = Options::default().deadline(Duration::ZERO);
            let verdict = median_of_few(|| {
                black_box(before.verify(&at_once).unwrap_err());
            });
            drop(parked);
            println!(
                "checker leak_verdict_{leaked}_leaked_us={:.0} floor_bare_listing_us={:.2} \
             ({:.0}x the floor: each leaked thread's stat, wchan and stack are read, once)",
                us(verdict),
                us(floor),
                us(verdict) / us(floor),
            );
        }

        // A task verdict under paused time: the deadline passes in tokio's clock only.
        let runtime = paused_runtime();
        let real = runtime.block_on(async {
            let before = TaskSnapshot::take(&tokio::runtime::Handle::current());
            let (_keep, never) = tokio::sync::oneshot::channel::<()>();
            tokio::spawn(async move {
                let _ = never.await;
            });
            let started = Instant::now();
            let report = before.verify(&Options::default()).await.unwrap_err();
            assert_eq!(report.tasks(), 1);
            started.elapsed()
        });
        println!(
            "checker leak_task_verdict_paused_500ms_deadline_real_us={:.0} (no real waiting; \
         a task count needs no listing, so no floor)",
            us(real)
        );
    }
}
