//! Unclosed channel: every fix keeps the whole contract (workshop::contract).

mod default_threads {
    workshop::contract!(threads, fixed::unclosed_channel::threads, whole);
}
mod default_tasks {
    workshop::contract!(tasks, fixed::unclosed_channel::tasks, whole);
}
mod weak_sender_threads {
    workshop::contract!(
        threads,
        fixed::unclosed_channel::weak_sender::threads,
        whole
    );
}
mod weak_sender_tasks {
    workshop::contract!(tasks, fixed::unclosed_channel::weak_sender::tasks, whole);
}
mod shutdown_threads {
    workshop::contract!(threads, fixed::unclosed_channel::shutdown::threads, whole);
}
mod shutdown_tasks {
    workshop::contract!(tasks, fixed::unclosed_channel::shutdown::tasks, whole);
}
