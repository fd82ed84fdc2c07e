//! Endless ticker: every fix keeps the whole contract (workshop::contract), including a
//! service that never comes up.

mod default_threads {
    workshop::contract!(threads, fixed::endless_ticker::threads, whole);
}
mod default_tasks {
    workshop::contract!(tasks, fixed::endless_ticker::tasks, whole);
}
mod closed_threads {
    workshop::contract!(threads, fixed::endless_ticker::closed::threads, whole);
}
mod closed_tasks {
    workshop::contract!(tasks, fixed::endless_ticker::closed::tasks, whole);
}
