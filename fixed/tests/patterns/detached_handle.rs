//! Detached handle: the call owns its monitor, and the monitor ends with the call.

mod default_threads {
    workshop::standard_checks!(threads, fixed::detached_handle::threads, ready);
}
mod default_tasks {
    workshop::standard_checks!(tasks, fixed::detached_handle::tasks, ready);
}
mod cancel_and_wait_threads {
    workshop::standard_checks!(
        threads,
        fixed::detached_handle::cancel_and_wait::threads,
        ready
    );
}
mod cancel_and_wait_tasks {
    workshop::standard_checks!(
        tasks,
        fixed::detached_handle::cancel_and_wait::tasks,
        ready
    );
}
