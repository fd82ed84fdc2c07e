//! Detached handle: the call owns its monitor, and keeps the whole contract
//! (workshop::contract).

mod default_threads {
    workshop::contract!(threads, fixed::detached_handle::threads, whole);
}
mod default_tasks {
    workshop::contract!(tasks, fixed::detached_handle::tasks, whole);
}
mod cancel_and_wait_threads {
    workshop::contract!(
        threads,
        fixed::detached_handle::cancel_and_wait::threads,
        whole
    );
}
mod cancel_and_wait_tasks {
    workshop::contract!(
        tasks,
        fixed::detached_handle::cancel_and_wait::tasks,
        whole
    );
}
