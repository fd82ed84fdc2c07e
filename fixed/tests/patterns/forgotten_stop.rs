//! Forgotten stop: the poller keeps its own contract, on every way out of the call.

mod default_threads {
    workshop::standard_checks!(threads, fixed::forgotten_stop::threads, ready);
}
mod default_tasks {
    workshop::standard_checks!(tasks, fixed::forgotten_stop::tasks, ready);
}
