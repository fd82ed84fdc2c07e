//! Forgotten stop: the poller keeps the whole contract (workshop::contract), on every way
//! out of the call.

mod default_threads {
    workshop::contract!(threads, fixed::forgotten_stop::threads, whole);
}
mod default_tasks {
    workshop::contract!(tasks, fixed::forgotten_stop::tasks, whole);
}
