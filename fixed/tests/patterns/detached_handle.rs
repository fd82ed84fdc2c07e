//! Detached handle: the call owns its monitor, and keeps the whole contract
//! (workshop::contract).

mod default_threads {
    workshop::contract!(threads, fixed::detached_handle::threads);
}
mod default_tasks {
    workshop::contract!(tasks, fixed::detached_handle::tasks);
}
mod cancel_and_wait_threads {
    workshop::contract!(threads, fixed::detached_handle::cancel_and_wait::threads);
}
mod cancel_and_wait_tasks {
    workshop::contract!(tasks, fixed::detached_handle::cancel_and_wait::tasks);
}
