//! Take first: every fix keeps the whole contract (workshop::contract).

mod default_threads {
    workshop::contract!(threads, fixed::take_first::threads, whole);
}
mod default_tasks {
    workshop::contract!(tasks, fixed::take_first::tasks, whole);
}
mod buffered_threads {
    workshop::contract!(threads, fixed::take_first::buffered::threads, whole);
}
mod buffered_tasks {
    workshop::contract!(tasks, fixed::take_first::buffered::tasks, whole);
}
