//! Unclosed channel: with every fix, the worker's queue closes with the call.

mod default_threads {
    workshop::standard_checks!(threads, fixed::unclosed_channel::threads, ready);
}
mod default_tasks {
    workshop::standard_checks!(tasks, fixed::unclosed_channel::tasks, ready);
}
mod weak_sender_threads {
    workshop::standard_checks!(
        threads,
        fixed::unclosed_channel::weak_sender::threads,
        ready
    );
}
mod weak_sender_tasks {
    workshop::standard_checks!(
        tasks,
        fixed::unclosed_channel::weak_sender::tasks,
        ready
    );
}
mod shutdown_threads {
    workshop::standard_checks!(
        threads,
        fixed::unclosed_channel::shutdown::threads,
        ready
    );
}
mod shutdown_tasks {
    workshop::standard_checks!(
        tasks,
        fixed::unclosed_channel::shutdown::tasks,
        ready
    );
}
