// The checker's quick start, as its documentation's front page shows it: a test file to
// copy into `tests/`, with the dev-dependencies the front page lists.

use checker::{Options, TaskSnapshot, ThreadSnapshot, isolated, traced};

#[test]
fn the_worker_thread_is_joined() {
    // In a process of its own, so that threads of the tests beside it are not counted.
    isolated(|| {
        let before = ThreadSnapshot::take();
        let worker = std::thread::spawn(|| { /* the code under test */ });
        worker.join().unwrap();
        before.verify(&Options::default())
    });
}

#[tokio::test(start_paused = true)]
async fn the_task_is_awaited() {
    // Paused time: the verdict's deadline costs no real time.
    let before = TaskSnapshot::take(&tokio::runtime::Handle::current());
    let task = tokio::spawn(traced(async { /* the code under test */ }));
    task.await.unwrap();
    before.verify(&Options::default()).await.unwrap();
}
