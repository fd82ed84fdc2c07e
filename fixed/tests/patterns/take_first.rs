//! Take first: no fix leaves a replica's worker behind or hands an answer to the wrong call.

mod default_threads {
    workshop::standard_checks!(threads, fixed::take_first::threads, ready);
}
mod default_tasks {
    workshop::standard_checks!(tasks, fixed::take_first::tasks, ready);
}
mod buffered_threads {
    workshop::standard_checks!(
        threads,
        fixed::take_first::buffered::threads,
        ready
    );
}
mod buffered_tasks {
    workshop::standard_checks!(tasks, fixed::take_first::buffered::tasks, ready);
}

use std::time::Duration;

use fixed::take_first::{REPLICAS, WORKER, buffered};
use workshop::expect::threads_outlive;
use workshop::{Probe, timed_out_thread_calls};

#[test]
fn a_buffer_does_not_end_a_check_that_never_passes() {
    // Where the buffer falls short: no worker reaches its send, and each loops on.
    let never = Probe::never_ready(Duration::ZERO);
    threads_outlive(REPLICAS, WORKER, || {
        timed_out_thread_calls!(buffered::threads, 1, never)
    });
}

mod default_threads_never_ready {
    workshop::leaves_nothing_behind!(
        threads,
        fixed::take_first::threads,
        never_ready
    );
}
mod default_tasks_never_ready {
    workshop::leaves_nothing_behind!(tasks, fixed::take_first::tasks, never_ready);
}
