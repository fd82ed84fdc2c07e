//! Endless ticker: every fix keeps the whole contract (workshop::contract), including a
//! service that never comes up.

mod default_threads {
    workshop::contract!(threads, fixed::endless_ticker::threads);
}
mod default_tasks {
    workshop::contract!(tasks, fixed::endless_ticker::tasks);
}
mod closed_threads {
    workshop::contract!(threads, fixed::endless_ticker::closed::threads);
}
mod closed_tasks {
    workshop::contract!(tasks, fixed::endless_ticker::closed::tasks);
}
