//! Blocked send: every fix keeps the whole contract (workshop::contract), and the ones that
//! cancel a worker stop it in the middle of its check.

mod default_threads {
    workshop::contract!(threads, fixed::blocked_send::threads, whole);
}
mod default_tasks {
    workshop::contract!(tasks, fixed::blocked_send::tasks, whole);
}
mod buffered_threads {
    workshop::contract!(threads, fixed::blocked_send::buffered::threads, whole);
}
mod buffered_tasks {
    workshop::contract!(tasks, fixed::blocked_send::buffered::tasks, whole);
}
mod cancel_threads {
    workshop::contract!(threads, fixed::blocked_send::cancel::threads, whole);
}
mod cancel_tasks {
    workshop::contract!(tasks, fixed::blocked_send::cancel::tasks, whole);
}
mod drop_aware_threads {
    workshop::contract!(threads, fixed::blocked_send::drop_aware::threads, whole);
}
mod drop_aware_tasks {
    workshop::contract!(tasks, fixed::blocked_send::drop_aware::tasks, whole);
}

use std::time::Duration;

use checker::{Options, TaskSnapshot};
use fixed::blocked_send::cancel;
use workshop::{Probe, timed_out_task_calls};

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn cancellation_stops_a_worker_task_in_the_middle_of_its_check() {
    let before = TaskSnapshot::take(&tokio::runtime::Handle::current());
    let check = Probe::ready_after(Duration::from_secs(10));
    let _watcher = timed_out_task_calls!(cancel::tasks, 1, check).await;
    // The check in flight has 9 s to go; a millisecond is enough for the task to stop.
    let at_once = Options::default().deadline(Duration::from_millis(1));
    before.verify(&at_once).await.unwrap();
}
