//! Unclosed channel: every fix keeps the whole contract (workshop::contract).

mod default_threads {
    workshop::contract!(threads, fixed::unclosed_channel::threads);
}
mod default_tasks {
    workshop::contract!(tasks, fixed::unclosed_channel::tasks);
}
mod weak_sender_threads {
    workshop::contract!(threads, fixed::unclosed_channel::weak_sender::threads);
}
mod weak_sender_tasks {
    workshop::contract!(tasks, fixed::unclosed_channel::weak_sender::tasks);
}
mod shutdown_threads {
    workshop::contract!(threads, fixed::unclosed_channel::shutdown::threads);
}
mod shutdown_tasks {
    workshop::contract!(tasks, fixed::unclosed_channel::shutdown::tasks);
}
