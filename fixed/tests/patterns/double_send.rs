//! Double send: every fix keeps the whole contract (workshop::contract).

mod default_threads {
    workshop::contract!(threads, fixed::double_send::threads);
}
mod default_tasks {
    workshop::contract!(tasks, fixed::double_send::tasks);
}
mod buffered_threads {
    workshop::contract!(threads, fixed::double_send::buffered::threads);
}
mod buffered_tasks {
    workshop::contract!(tasks, fixed::double_send::buffered::tasks);
}
mod drop_aware_threads {
    workshop::contract!(threads, fixed::double_send::drop_aware::threads);
}
mod drop_aware_tasks {
    workshop::contract!(tasks, fixed::double_send::drop_aware::tasks);
}
