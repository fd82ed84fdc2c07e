//! The tests of a crate outside the checker's workspace (see `Cargo.toml.in`): a leaked
//! thread and a leaked traced task, each reported at this file's lines, as the crate's own
//! code, with the path read from the crate's root, wherever the test binary runs from.

use std::sync::mpsc;

use checker::{Options, TaskSnapshot, ThreadSnapshot};

#[test]
fn a_leaked_thread_is_reported_at_its_line_in_this_file() {
    checker::isolated(|| {
        let before = ThreadSnapshot::take();
        let (_keep, wait) = mpsc::channel::<()>();
        let (said, heard) = mpsc::channel();
        std::thread::spawn(move || {
            said.send(line!() + 1).unwrap();
            let _ = wait.recv();
        });
        let line = heard.recv().unwrap();
        let expected = format!("waits at tests/leaks.rs:{line}");
        // A verdict at once, taken again until the thread has blocked and its stack is
        // read (at most a thousand times: then the last report shows why not).
        let at_once = Options::default().deadline(std::time::Duration::ZERO);
        let mut text = String::new();
        for _ in 0..1000 {
            text = before.verify(&at_once).unwrap_err().to_string();
            if text.contains(&expected) {
                return;
            }
            std::thread::yield_now();
        }
        panic!("no `{expected}` in the report:\n{text}");
    });
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_leaked_traced_task_is_reported_at_its_await_in_this_file() {
    let before = TaskSnapshot::take(&tokio::runtime::Handle::current());
    let (keep, never) = tokio::sync::oneshot::channel::<()>();
    let spawned = line!() + 1;
    tokio::spawn(checker::traced(async move {
        let _ = never.await;
    }));
    let text = before
        .verify(&Options::default())
        .await
        .unwrap_err()
        .to_string();
    assert!(
        text.contains(&format!("spawned at tests/leaks.rs:{spawned}:")),
        "{text}"
    );
    assert!(
        text.contains(&format!("waits at tests/leaks.rs:{}:", spawned + 1)),
        "{text}"
    );
    drop(keep);
}
